// SHA-256 through OpenSSL's EVP interface (the content hash of every input and
// the grammar fingerprint).
#pragma once

#include <string>
#include <string_view>

namespace ratsdoc {

// Lowercase hex SHA-256 of `bytes`.
std::string Sha256Hex(std::string_view bytes);

}  // namespace ratsdoc
