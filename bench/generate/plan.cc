#include "plan.h"

#include <algorithm>
#include <cstdio>
#include <iterator>
#include <map>
#include <set>

#include "lexicon.h"

namespace ratsdoc_bench {
namespace {

// Days since 1970-01-01 → civil date (H. Hinnant's algorithm).
Date FromDays(long z) {
  z += 719468;
  const long era = (z >= 0 ? z : z - 146096) / 146097;
  const long doe = z - era * 146097;
  const long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const long mp = (5 * doy + 2) / 153;
  Date date;
  date.day = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
  date.month = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  date.year = static_cast<int>(yoe + era * 400 + (date.month <= 2 ? 1 : 0));
  return date;
}

long ToDays(int year, int month, int day) {
  year -= month <= 2 ? 1 : 0;
  const long era = (year >= 0 ? year : year - 399) / 400;
  const long yoe = year - era * 400;
  const long doy = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
  const long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

std::string Number(const char* prefix, int number, int year) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%s%04d/%02d", prefix, number, year % 100);
  return buffer;
}

// Running numbers per (prefix, year), advancing by a random small step.
class Counters {
 public:
  explicit Counters(int max_step) : max_step_(max_step) {}
  int Next(const std::string& key, Random& random) {
    auto [it, fresh] = next_.try_emplace(key, 0);
    it->second += fresh ? random.Between(1, 40) : random.Between(1, max_step_);
    return it->second;
  }

 private:
  int max_step_;
  std::map<std::string, int> next_;
};

Kind DrawKind(Random& random) {
  // anfrage 20, antrag 14, stellungnahme 16, drucksache 12, beschluss 10, information 10, protokoll 10
  const int r = random.Below(92);
  if (r < 20) return Kind::kAnfrage;
  if (r < 34) return Kind::kAntrag;
  if (r < 50) return Kind::kStellungnahme;
  if (r < 62) return Kind::kDrucksache;
  if (r < 72) return Kind::kBeschluss;
  if (r < 82) return Kind::kInformation;
  return Kind::kProtokoll;
}

}  // namespace

std::string Term(int year) {
  static const char* const kRoman[] = {"I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII"};
  const int term = std::clamp((year - 2004) / 5 + 4, 1, 12);
  return kRoman[term - 1];
}

ArchivePlan PlanArchive(int documents, std::uint64_t seed) {
  ArchivePlan plan;
  Random random(seed * 0x2545F4914F6CDD1DULL + 1);
  const int years = std::clamp((documents + 9999) / 10000, 3, 29);
  plan.last_year = 2023;
  plan.first_year = plan.last_year - years + 1;
  const int per_kind_year = documents / years / 5 + 1;
  Counters counters(std::clamp(9000 / per_kind_year, 1, 3));
  const long first_day = ToDays(plan.first_year, 1, 9);
  const long span = ToDays(plan.last_year, 12, 15) - first_day;

  std::vector<int> open_questions;    // Anfragen and Anträge not yet answered
  std::vector<int> open_drucksachen;  // Drucksachen not yet decided
  std::map<int, int> last_minutes;    // body → index of its latest minutes
  std::set<std::string> minutes_ids;
  plan.papers.reserve(static_cast<std::size_t>(documents));
  int pending_anlage = -1;  // a Drucksache whose Anlage comes next
  for (int i = 0; i < documents; ++i) {
    Paper paper;
    paper.index = i;
    paper.date = FromDays(first_day + span * i / std::max(documents, 1));
    paper.topic = random.Below(static_cast<int>(Topics().size()));
    paper.author = random.Below(static_cast<int>(People().size()));
    paper.fraktion = random.Below(static_cast<int>(Fraktionen().size()));
    paper.target_pages = random.Between(1, 4);
    // The archive opens with one paper of every kind (and minutes confirming
    // earlier minutes), so even a small archive has them all.
    static const Kind kOpening[] = {Kind::kAnfrage,   Kind::kAntrag,      Kind::kDrucksache, Kind::kStellungnahme,
                                    Kind::kBeschluss, Kind::kInformation, Kind::kProtokoll,  Kind::kProtokoll};
    const std::size_t drawn = static_cast<std::size_t>(i) - (i > 3 && plan.papers[3].kind == Kind::kAnlage ? 1 : 0);
    Kind kind = pending_anlage >= 0 ? Kind::kAnlage : drawn < std::size(kOpening) ? kOpening[drawn] : DrawKind(random);
    if (kind == Kind::kStellungnahme && open_questions.empty()) kind = Kind::kAnfrage;
    if (kind == Kind::kBeschluss && open_drucksachen.empty()) kind = Kind::kDrucksache;
    if (kind == Kind::kProtokoll) {
      const int bodies = static_cast<int>(Bodies().size());
      // The opening's second minutes are of the same body as the first.
      const int first = drawn == std::size(kOpening) - 1 && !last_minutes.empty() ? last_minutes.begin()->first
                                                                                  : random.Below(bodies);
      paper.body = -1;
      for (int b = 0; b < bodies && paper.body < 0; ++b) {
        const int body = (first + b) % bodies;
        if (!minutes_ids.count(Bodies()[body].nominative + "/" + paper.date.Iso())) paper.body = body;
      }
      if (paper.body < 0) kind = Kind::kInformation;
    }
    paper.kind = kind;
    const int yy = paper.date.year;
    switch (kind) {
      case Kind::kAnfrage:
        paper.id = Number("F", counters.Next("F" + std::to_string(yy), random), yy);
        break;
      case Kind::kAntrag:
        paper.id = Number("A", counters.Next("A" + std::to_string(yy), random), yy);
        break;
      case Kind::kInformation:
        paper.id = Number("I", counters.Next("I" + std::to_string(yy), random), yy);
        break;
      case Kind::kStellungnahme: {
        paper.id = Number("S", counters.Next("S" + std::to_string(yy), random), yy);
        const int pick = random.Below(std::min<int>(static_cast<int>(open_questions.size()), 8));
        auto it = open_questions.end() - 1 - pick;
        paper.answers = *it;
        open_questions.erase(it);
        break;
      }
      case Kind::kDrucksache:
        paper.id = Number("DS", counters.Next("DS" + std::to_string(yy), random), yy);
        open_drucksachen.push_back(i);
        if (i < 8 || random.Chance(75)) pending_anlage = i;
        break;
      case Kind::kAnlage: {
        const Paper& parent = plan.papers[static_cast<std::size_t>(pending_anlage)];
        paper.parent = pending_anlage;
        paper.anlage_number = random.Between(1, 3);
        paper.id = parent.id + "/Anlage" + std::to_string(paper.anlage_number);
        paper.topic = parent.topic;
        paper.date = parent.date;
        const int fields = random.Between(2, 3);
        int field = random.Between(1, 3);
        for (int f = 0; f < fields; ++f, field += random.Between(1, 2)) {
          const int rows = random.Between(2, 3 + paper.target_pages);
          int row = random.Between(1, 12);
          for (int r = 0; r < rows; ++r, row += random.Between(1, 2)) {
            paper.measures.push_back(std::to_string(field) + "." + std::to_string(row));
          }
        }
        pending_anlage = -1;
        break;
      }
      case Kind::kBeschluss: {
        const int pick = random.Below(std::min<int>(static_cast<int>(open_drucksachen.size()), 6));
        auto it = open_drucksachen.end() - 1 - pick;
        paper.decides = *it;
        open_drucksachen.erase(it);
        const long term_start = ToDays(yy < 2019 ? yy - (yy - 2004) % 5 : (yy - 2019) / 5 * 5 + 2019, 7, 1);
        paper.session = static_cast<int>(
            std::clamp((first_day + span * i / std::max(documents, 1) - term_start) / 30 + 1, 1L, 999L));
        const int num = counters.Next("B" + std::to_string(yy), random);
        char buffer[64];
        std::snprintf(buffer, sizeof buffer, "%d-%03d(%s)%02d", num, paper.session, Term(yy).c_str(), yy % 100);
        paper.id = buffer;
        std::snprintf(buffer, sizeof buffer, "SR/%03d(%s)/%02d", paper.session, Term(yy).c_str(), yy % 100);
        paper.beschluss_session = buffer;
        break;
      }
      case Kind::kProtokoll: {
        paper.id = Bodies()[paper.body].nominative + "/" + paper.date.Iso();
        minutes_ids.insert(paper.id);
        auto previous = last_minutes.find(paper.body);
        if (previous != last_minutes.end()) {
          paper.approves = previous->second;
          paper.session = plan.papers[static_cast<std::size_t>(previous->second)].session + 1;
        } else {
          paper.session = random.Between(1, 30);
        }
        last_minutes[paper.body] = i;
        break;
      }
    }
    if (kind == Kind::kAnfrage || kind == Kind::kAntrag) open_questions.push_back(i);
    // Citations of earlier papers: mostly recent ones, some from anywhere.
    const int wanted = random.Between(1, 6) - (paper.answers >= 0 || paper.decides >= 0 || paper.approves >= 0 ? 1 : 0);
    for (int attempt = 0; attempt < 3 * wanted && static_cast<int>(paper.cites.size()) < wanted && i > 0; ++attempt) {
      const int target = random.Chance(70) ? i - 1 - random.Below(std::min(i, 200)) : random.Below(i);
      const Paper& cited = plan.papers[static_cast<std::size_t>(target)];
      if (cited.kind == Kind::kProtokoll) continue;  // minutes are cited by date, only by their own body
      if (target == paper.answers || target == paper.decides || target == paper.parent) continue;
      if (std::find(paper.cites.begin(), paper.cites.end(), target) != paper.cites.end()) continue;
      paper.cites.push_back(target);
    }
    paper.outside = paper.cites.empty() || random.Chance(30) ? 1 : 0;
    char stem[96];
    std::snprintf(stem, sizeof stem, "%06d_%s", i, KindName(kind));
    paper.stem = stem;
    plan.papers.push_back(std::move(paper));
  }
  return plan;
}

}  // namespace ratsdoc_bench
