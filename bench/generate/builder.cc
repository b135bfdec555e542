#include "builder.h"

#include <algorithm>
#include <cstdio>
#include <set>

namespace ratsdoc_bench {
namespace {

// "DS0583/21" → {"DS", "0583", "21"}.
struct NumberParts {
  std::string prefix, number, year;
};

NumberParts Split(const std::string& id) {
  NumberParts parts;
  std::size_t i = 0;
  while (i < id.size() && !(id[i] >= '0' && id[i] <= '9')) ++i;
  const std::size_t slash = id.find('/', i);
  parts.prefix = id.substr(0, i);
  parts.number = id.substr(i, slash - i);
  parts.year = id.substr(slash + 1, 2);
  return parts;
}

// One of the spellings the grammar accepts for a paper number: "DS0583/21",
// "DS 0583/21", "DS 583/21" (a leading zero dropped, three digits kept).
std::string SpellNumber(const std::string& id, Random& random) {
  const NumberParts p = Split(id);
  switch (random.Below(4)) {
    case 0:
      return p.prefix + " " + p.number + "/" + p.year;
    case 1:
      if (p.number.size() == 4 && p.number[0] == '0') return p.prefix + " " + p.number.substr(1) + "/" + p.year;
      return id;
    default:
      return id;
  }
}

std::string SpellBeschluss(const std::string& id, Random& random) {
  switch (random.Below(4)) {
    case 0:
      return "Stadtrats-Beschluss-Nr." + id;
    case 1:
      return "dem Beschluss des Stadtrates (Beschluss-Nr. " + id + ")";
    case 2: {  // "5374-057 (VII) 22"
      std::string spaced = id;
      const std::size_t open = spaced.find('('), close = spaced.find(')');
      spaced.insert(close + 1, " ");
      spaced.insert(open, " ");
      return "dem Beschluss " + spaced;
    }
    default:
      return "dem Beschluss-Nr. " + id;
  }
}

const std::vector<std::string> kTemplates = {
    "Mit {} wurde das Thema bereits aufgegriffen.",
    "Die Verwaltung verweist in diesem Zusammenhang auf die Ausführungen in {}.",
    "Ergänzend wird auf die Darstellung in {} Bezug genommen.",
    "Die Hinweise aus {} wurden bei der weiteren Planung berücksichtigt.",
    "Entsprechend {} ist dem Stadtrat regelmäßig über den Stand der Umsetzung zu berichten.",
    "Vergleiche dazu auch die Angaben in {}.",
};

std::string Fill(const std::string& pattern, const std::string& phrase) {
  std::string out = pattern;
  out.replace(out.find("{}"), 2, phrase);
  return out;
}

}  // namespace

DocumentBuilder::DocumentBuilder(const ArchivePlan& plan, int index, std::uint64_t seed)
    : plan_(plan),
      paper_(plan.papers[static_cast<std::size_t>(index)]),
      random_(seed ^ (static_cast<std::uint64_t>(index) + 1) * 0x9E3779B97F4A7C15ULL) {
  document_.stem = paper_.stem;
  document_.id = paper_.id;
  document_.kind = KindName(paper_.kind);
}

void DocumentBuilder::Paragraph(std::string text) {
  Block block;
  block.text = std::move(text);
  document_.blocks.push_back(std::move(block));
}

void DocumentBuilder::Heading(std::string text, bool title) {
  Block block;
  block.type = BlockType::kHeading;
  block.text = std::move(text);
  block.title = title;
  document_.blocks.push_back(std::move(block));
}

void DocumentBuilder::Lines(std::vector<std::string> lines) {
  Block block;
  block.type = BlockType::kLines;
  block.lines = std::move(lines);
  document_.blocks.push_back(std::move(block));
}

void DocumentBuilder::AddTable(Table table) {
  Block block;
  block.type = BlockType::kTable;
  block.table = std::move(table);
  document_.blocks.push_back(std::move(block));
}

void DocumentBuilder::HeaderTable(std::vector<double> columns, std::vector<std::vector<std::string>> rows) {
  Table table;
  table.columns = std::move(columns);
  table.rows = std::move(rows);
  AddTable(std::move(table));
}

void DocumentBuilder::Edge(const std::string& from, const std::string& to, const std::string& relation) {
  document_.edges.push_back({from, to, relation});
}

Spelled DocumentBuilder::Spell(int target) {
  const Paper& cited = At(target);
  Spelled s;
  s.ids.push_back(cited.id);
  switch (cited.kind) {
    case Kind::kAnfrage:
      s.dative = "der Anfrage " + SpellNumber(cited.id, random_);
      break;
    case Kind::kAntrag:
      s.dative =
          (random_.Chance(25) ? "dem interfraktionellen Antrag " : "dem Antrag ") + SpellNumber(cited.id, random_);
      break;
    case Kind::kStellungnahme:
      s.dative = "der Stellungnahme " + SpellNumber(cited.id, random_);
      break;
    case Kind::kInformation:
      s.dative = "der Information " + SpellNumber(cited.id, random_);
      break;
    case Kind::kDrucksache:
      s.dative = "der Drucksache " + SpellNumber(cited.id, random_);
      break;
    case Kind::kBeschluss:
      s.dative = SpellBeschluss(cited.id, random_);
      break;
    case Kind::kProtokoll:
      s.dative = "der Niederschrift vom " + cited.date.German();
      s.ids.clear();
      break;
    case Kind::kAnlage: {
      const Paper& parent = At(cited.parent);
      const std::string anlage = "Anlage " + std::to_string(cited.anlage_number);
      const std::string paper =
          random_.Chance(30) ? "zur Drucksache " + parent.id : "zur " + SpellNumber(parent.id, random_);
      if (random_.Chance(40) || cited.measures.empty()) {
        s.dative = "der " + anlage + " " + (random_.Chance(20) ? parent.id : paper);
        break;
      }
      const int count = std::min(static_cast<int>(cited.measures.size()), random_.Chance(30) ? 2 : 1);
      const int first = random_.Below(static_cast<int>(cited.measures.size()) - count + 1);
      s.ids.clear();
      std::string list;
      for (int m = 0; m < count; ++m) {
        const std::string& number = cited.measures[static_cast<std::size_t>(first + m)];
        s.ids.push_back(cited.id + "#" + number);
        list += (m == 0 ? "" : " und ") + number;
      }
      if (count > 1) {
        s.dative = "den Maßnahmen " + list + " der " + anlage + " " + paper;
      } else if (random_.Chance(25)) {
        s.dative = "der Handlungsempfehlung " + list + " aus der " + anlage + " " + paper;
      } else {
        s.dative = "der Maßnahme " + list + " der " + anlage + " " + paper;
      }
      break;
    }
  }
  return s;
}

Spelled DocumentBuilder::SpellOutside() {
  const int year = (plan_.first_year - random_.Between(1, 4)) % 100;
  char number[64];
  std::snprintf(number, sizeof number, "%04d/%02d", random_.Between(1, 700), year);
  Spelled s;
  switch (random_.Below(6)) {
    case 0:
      s.ids = {std::string("DS") + number};
      s.dative = "der Drucksache " + SpellNumber(s.ids[0], random_);
      break;
    case 1:
      s.ids = {std::string("A") + number};
      s.dative = "dem Antrag " + SpellNumber(s.ids[0], random_);
      break;
    case 2:
      s.ids = {std::string("F") + number};
      s.dative = "der Anfrage " + SpellNumber(s.ids[0], random_);
      break;
    case 3:
      s.ids = {std::string("I") + number};
      s.dative = "der Information " + SpellNumber(s.ids[0], random_);
      break;
    case 4: {
      std::snprintf(number, sizeof number, "DA %d/%02d", random_.Between(10, 99), year);
      s.ids = {number};
      s.dative = std::string("der Dienstanweisung (") + number + ")";
      break;
    }
    default: {
      const int full_year = plan_.first_year - random_.Between(1, 4);
      std::snprintf(number, sizeof number, "SR/%03d(%s)/%02d", random_.Between(1, 60), Term(full_year).c_str(),
                    full_year % 100);
      s.ids = {number};
      s.dative = std::string("der Sitzung ") + number;
      break;
    }
  }
  return s;
}

std::string DocumentBuilder::CitingSentence(const std::string& from, int target) {
  const Spelled s = Spell(target);
  for (const std::string& id : s.ids) Edge(from, id, "cites");
  return Fill(random_.Pick(kTemplates), s.dative);
}

std::string DocumentBuilder::OutsideSentence(const std::string& from) {
  const Spelled s = SpellOutside();
  for (const std::string& id : s.ids) Edge(from, id, "cites");
  return Fill(random_.Pick(kTemplates), s.dative);
}

std::vector<std::vector<std::string>> DocumentBuilder::DistributeCitations(const std::vector<std::string>& slot_from) {
  std::vector<std::vector<std::string>> slots(slot_from.size());
  if (slot_from.empty()) return slots;
  auto slot = [&] { return static_cast<std::size_t>(random_.Below(static_cast<int>(slot_from.size()))); };
  for (int target : paper_.cites) {
    const std::size_t s = slot();
    slots[s].push_back(CitingSentence(slot_from[s], target));
  }
  for (int i = 0; i < paper_.outside; ++i) {
    const std::size_t s = slot();
    slots[s].push_back(OutsideSentence(slot_from[s]));
  }
  return slots;
}

std::string DocumentBuilder::TopicParagraph(int count) {
  // Distinct sentences, and no paragraph twice in a document: real papers do
  // not repeat themselves, and a repeated short line looks like a running header.
  std::string text;
  for (int attempt = 0; attempt < 8; ++attempt) {
    std::vector<const std::string*> pool;
    for (const std::string& sentence : topic().sentences) pool.push_back(&sentence);
    for (const std::string& sentence : Filler()) {
      if (random_.Chance(40)) pool.push_back(&sentence);
    }
    text.clear();
    for (int i = 0; i < count && !pool.empty(); ++i) {
      // The first sentence is on the topic; the rest from anywhere in the pool.
      const int pick = i == 0 ? random_.Below(static_cast<int>(topic().sentences.size()))
                              : random_.Below(static_cast<int>(pool.size()));
      text += (i ? " " : "") + *pool[static_cast<std::size_t>(pick)];
      pool.erase(pool.begin() + pick);
    }
    if (used_.insert(text).second) break;
  }
  return text;
}

Document DocumentBuilder::Finish() { return std::move(document_); }

Document BuildDocument(const ArchivePlan& plan, int index, std::uint64_t seed) {
  DocumentBuilder b(plan, index, seed);
  switch (b.paper().kind) {
    case Kind::kAnfrage:
      BuildAnfrage(b);
      break;
    case Kind::kAntrag:
      BuildAntrag(b);
      break;
    case Kind::kStellungnahme:
      BuildStellungnahme(b);
      break;
    case Kind::kInformation:
      BuildInformation(b);
      break;
    case Kind::kDrucksache:
      BuildDrucksache(b);
      break;
    case Kind::kAnlage:
      BuildAnlage(b);
      break;
    case Kind::kBeschluss:
      BuildBeschluss(b);
      break;
    case Kind::kProtokoll:
      BuildProtokoll(b);
      break;
  }
  return b.Finish();
}

}  // namespace ratsdoc_bench
