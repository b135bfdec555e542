#include "archive/cache.h"

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <sstream>
#include <system_error>
#include <thread>

#include "common/hash.h"
#include "ratsdoc/document_xml.h"
#include "ratsdoc/version.h"

namespace ratsdoc::archive {
namespace {

namespace fs = std::filesystem;

constexpr std::string_view kMagic = "ratsdoc-cache 1 ";

// A content hash is 64 lowercase hex digits; anything else is never a file name.
bool IsSha256(const std::string& text) {
  return text.size() == 64 && text.find_first_not_of("0123456789abcdef") == std::string::npos;
}

}  // namespace

Status FragmentCache::Open(const std::string& dir, const Grammar& grammar, std::unique_ptr<FragmentCache>* cache) {
  const std::string key = Sha256Hex("ratsdoc " RATSDOC_VERSION "\n" + grammar.fingerprint()).substr(0, 16);
  const std::string folder = dir + "/" + grammar.name() + "-" + key;
  std::error_code error;
  fs::create_directories(folder, error);
  if (error || access(folder.c_str(), W_OK) != 0) {
    return Status(ErrorCode::kUnreadable, "cannot use the cache directory " + folder +
                                              (error ? ": " + error.message() : ": it is not writable"));
  }
  cache->reset(new FragmentCache(folder));
  return Status::Ok();
}

std::string FragmentCache::PathOf(const std::string& key) const {
  return folder_ + "/" + key.substr(0, 2) + "/" + key + ".xml";
}

std::optional<Fragment> FragmentCache::Lookup(const std::string& key, const std::string& sha256,
                                              const std::string& source) {
  if (!IsSha256(key)) return std::nullopt;
  const std::string path = PathOf(key);
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  const std::string entry((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  auto damaged = [&]() -> std::optional<Fragment> {
    ++damaged_;
    std::error_code ignored;
    fs::remove(path, ignored);
    return std::nullopt;
  };
  const std::size_t header_end = entry.find('\n');
  if (header_end == std::string::npos || entry.compare(0, kMagic.size(), kMagic) != 0) return damaged();
  const std::string_view checksum(entry.data() + kMagic.size(), header_end - kMagic.size());
  const std::string_view body(entry.data() + header_end + 1, entry.size() - header_end - 1);
  if (checksum != Sha256Hex(body)) return damaged();
  pugi::xml_document xml;
  if (!xml.load_buffer(body.data(), body.size(), kFragmentParseOptions, pugi::encoding_utf8)) return damaged();
  pugi::xml_node document = xml.document_element();
  if (std::string_view(document.attribute("sha256").as_string()) != sha256) return damaged();
  document.attribute("source").set_value(XmlSafe(source).c_str());
  Fragment fragment;
  if (!FragmentOf(document, &fragment).ok()) return damaged();
  return fragment;
}

void FragmentCache::Store(const std::string& key, const Fragment& fragment) {
  if (!IsSha256(key)) return;
  const std::string path = PathOf(key);
  std::error_code error;
  fs::create_directories(fs::path(path).parent_path(), error);
  std::ostringstream name;
  name << path << ".tmp." << getpid() << '.' << std::hash<std::thread::id>{}(std::this_thread::get_id());
  const std::string temporary = name.str();
  {
    std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
    out << kMagic << Sha256Hex(fragment.xml) << '\n' << fragment.xml;
    if (!out.flush()) {
      fs::remove(temporary, error);
      return;
    }
  }
  fs::rename(temporary, path, error);
  if (error) fs::remove(temporary, error);
}

}  // namespace ratsdoc::archive
