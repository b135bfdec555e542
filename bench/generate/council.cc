// Drucksache with its Anlage (a table of measures), Beschluss and minutes,
// laid out like samples/text/104_…, 004_…, 103_… and 003_….
#include <algorithm>
#include <string>
#include <vector>

#include "parts.h"

namespace ratsdoc_bench {
namespace {

// The Anlage planned right after Drucksache `index`, or nullptr.
const Paper* AnlageOf(DocumentBuilder& b, int index) {
  const std::size_t next = static_cast<std::size_t>(index) + 1;
  if (next >= b.plan().papers.size()) return nullptr;
  const Paper& anlage = b.plan().papers[next];
  return anlage.kind == Kind::kAnlage && anlage.parent == index ? &anlage : nullptr;
}

std::string Ordinal(int n) { return std::to_string(n) + "."; }

}  // namespace

void BuildDrucksache(DocumentBuilder& b) {
  const Paper& p = b.paper();
  b.document().running_header = "Drucksache " + p.id;
  const Body& committee = Bodies()[static_cast<std::size_t>(1 + p.index % (Bodies().size() - 1))];
  PaperHeader(b, "Drucksache", {"Dezernat V"}, {Mayor(p.date) + " " + MayorName(p.date)},
              {{std::string(Borris(p.date) ? "Dienstberatung der " : "Dienstberatung des ") + Mayor(p.date) +
                    (Borris(p.date) ? "" : "s"),
                DaysLater(p.date, 7).German(), "nicht öffentlich"},
               {committee.nominative, DaysLater(p.date, 21).German(), "öffentlich"},
               {"Stadtrat", DaysLater(p.date, 35).German(), "öffentlich"}});
  const Paper* anlage = AnlageOf(b, p.index);
  b.Heading("Beschlussvorschlag:");
  std::string first = "1. Der Stadtrat beschließt das Konzept „" + b.topic().title + "“";
  if (anlage != nullptr) {
    first += " (Anlage " + std::to_string(anlage->anlage_number) + ")";
    b.Edge(p.id, anlage->id, "cites");
  }
  b.Paragraph(first + ".");
  b.Paragraph(std::string(Borris(p.date) ? "2. Die " : "2. Der ") + Mayor(p.date) +
              " wird beauftragt, die Umsetzung dezernatsübergreifend zu steuern und dem Stadtrat alle zwei Jahre zu "
              "berichten.");
  const std::string& office = b.random().Pick(Offices());
  b.HeaderTable(kThreeColumns, {{"Federführendes Amt", "Sachbearbeiter", "Unterschrift AL"},
                                {office, "Frau Kersten, Tel. 0391 540-2345"},
                                {"Verantwortliche Beigeordnete", "Unterschrift"},
                                {"Dr. Arnold"}});
  b.Heading("Begründung:");
  const int sections = std::min(1 + p.target_pages, 4);
  const std::vector<std::string> slots(static_cast<std::size_t>(sections), p.id);
  const auto cited = b.DistributeCitations(slots);
  static const char* const kSections[] = {"Ausgangslage", "Ziele und Inhalte", "Umsetzung", "Finanzielle Auswirkungen"};
  for (int s = 0; s < sections; ++s) {
    b.Heading(Ordinal(s + 1) + " " + kSections[s]);
    BodyParagraphs(b, std::max(1, Paragraphs(p) / sections), cited[static_cast<std::size_t>(s)]);
  }
  if (anlage != nullptr) {
    b.Heading("Anlagen:");
    b.Paragraph("Anlage " + std::to_string(anlage->anlage_number) + " – Ziele, Handlungsempfehlungen und Maßnahmen");
  }
  b.Lines({Borris(p.date) ? "Borris" : "Dr. Trümper", Mayor(p.date)});
}

void BuildAnlage(DocumentBuilder& b) {
  const Paper& p = b.paper();
  const Paper& parent = b.At(p.parent);
  b.document().running_header = "Anlage " + std::to_string(p.anlage_number) + " zur " + parent.id;
  b.Heading("Anlage " + std::to_string(p.anlage_number) + " zur " + parent.id + ": „" + b.topic().title + "“", true);
  b.Edge(p.id, parent.id, "attachment-of");
  b.Heading("Ziele, Handlungsempfehlungen und Maßnahmen");
  // Slot 0: the introduction (from the Anlage); then one per measure row.
  std::vector<std::string> slots = {p.id};
  for (const std::string& measure : p.measures) slots.push_back(p.id + "#" + measure);
  const auto cited = b.DistributeCitations(slots);
  std::string intro = b.TopicParagraph(3);
  for (const std::string& sentence : cited[0]) intro += " " + sentence;
  b.Paragraph(std::move(intro));
  std::size_t row = 0;
  while (row < p.measures.size()) {
    const std::string field = p.measures[row].substr(0, p.measures[row].find('.'));
    const Topic& topic = Topics()[static_cast<std::size_t>(p.topic + std::stoi(field)) % Topics().size()];
    b.Heading("Handlungsfeld " + field + ": " + topic.field);
    b.Paragraph("Hauptziele");
    b.Paragraph(b.TopicParagraph(2));
    b.Heading("Handlungsempfehlungen und Maßnahmen");
    Table table;
    table.columns = {0.0, 0.09, 0.66};
    table.header_bold = true;
    table.padded = true;
    table.rows.push_back({"Nr.", "Handlungsempfehlungen/Maßnahmen", "Verantwortlich"});
    for (; row < p.measures.size() && p.measures[row].substr(0, p.measures[row].find('.')) == field; ++row) {
      // Distinct rows: a row repeated at the top of the next page looks like a running header.
      std::string text;
      for (int attempt = 0; attempt < 6 && (text.empty() || !b.Unique(text)); ++attempt) {
        text = b.random().Pick(topic.measures);
        if (attempt > 2) {
          text += ": " + b.random().Pick(Filler());
        } else if (attempt > 0 || b.random().Chance(50)) {
          text += ": " + b.random().Pick(topic.sentences);
        }
      }
      for (const std::string& sentence : cited[row + 1]) text += " " + sentence;
      table.rows.push_back({p.measures[row], text, b.random().Pick(Responsibles())});
    }
    b.AddTable(std::move(table));
  }
}

void BuildBeschluss(DocumentBuilder& b) {
  const Paper& p = b.paper();
  const Paper& decided = b.At(p.decides);
  b.document().running_header = "Beschluss " + p.id;
  b.Lines({"Landeshauptstadt Magdeburg"});
  b.Heading("Beschlussausfertigung");
  const std::string top = std::to_string(b.random().Between(3, 9)) + "." + std::to_string(b.random().Between(1, 12));
  b.HeaderTable(kThreeColumns, {{"Beschluss-Nr.", "Sitzung", "Datum"},
                                {p.id, p.beschluss_session, p.date.German()},
                                {"Gremium"},
                                {"Stadtrat der Landeshauptstadt Magdeburg"},
                                {"Drucksache", "TOP", "öffentlich"},
                                {decided.id, top, "ja"},
                                {"Kurztitel"},
                                {Topics()[static_cast<std::size_t>(decided.topic)].title}});
  b.Edge(p.id, decided.id, "decides");
  b.Edge(p.id, p.beschluss_session, "cites");
  b.Paragraph("Der Stadtrat der Landeshauptstadt Magdeburg hat in seiner Sitzung am " + p.date.German() +
              " zur Drucksache " + decided.id + " folgenden Beschluss gefasst:");
  b.Paragraph("Beschluss-Nr. " + p.id);
  const int points = std::min(2 + p.target_pages, 5);
  const std::vector<std::string> slots(static_cast<std::size_t>(points), p.id);
  const auto cited = b.DistributeCitations(slots);
  for (int i = 0; i < points; ++i) {
    std::string text = std::to_string(i + 1) + ". " + b.TopicParagraph(b.random().Between(1, 3 + p.target_pages));
    for (const std::string& sentence : cited[static_cast<std::size_t>(i)]) text += " " + sentence;
    b.Paragraph(std::move(text));
  }
  b.Paragraph("Abstimmungsergebnis:");
  const int yes = b.random().Between(28, 45);
  b.Paragraph("Ja: " + std::to_string(yes) + ", Nein: " + std::to_string(54 - yes - 3) + ", Enthaltung: 3");
  b.Paragraph("Magdeburg, den " + DaysLater(p.date, 4).German());
  b.Lines({"Prof. Dr. Pott", "Vorsitzender des Stadtrates"});
}

void BuildProtokoll(DocumentBuilder& b) {
  const Paper& p = b.paper();
  const Body& body = Bodies()[static_cast<std::size_t>(p.body)];
  b.document().running_header = "Niederschrift " + body.short_name + " " + p.date.German();
  b.Lines({"Landeshauptstadt Magdeburg"});
  b.Paragraph("Niederschrift der " + Ordinal(p.session) + " öffentlichen Sitzung des " + body.genitive + " am " +
              p.date.German() + " von 17:00 bis 19:00 Uhr im Alten Rathaus, Hansesaal");
  Table attendance;
  attendance.columns = {0.0, 0.3, 0.8};
  attendance.padded = true;
  attendance.rows.push_back({"Fraktion", "Vorname, Name", "Teilnahme"});
  const int members = b.random().Between(5, 8 + 4 * p.target_pages);
  for (int m = 0; m < members; ++m) {
    const Person& person = People()[static_cast<std::size_t>((p.index + m * 7) % People().size())];
    static const char* const kParties[] = {"CDU", "SPD", "DIE LINKE", "GRÜNE/future!", "FDP/Tierschutzpartei", "AfD"};
    attendance.rows.push_back({kParties[m % 6], std::string(person.female ? "Frau " : "Herr ") + person.Councillor(),
                               b.random().Chance(80) ? "ja" : "entschuldigt"});
  }
  b.AddTable(std::move(attendance));
  // TOP 1 opens, TOP 2 confirms the previous minutes, TOPs 3… carry the citations.
  const int items = std::min(3 + p.target_pages + static_cast<int>(p.cites.size()) / 2, 12);
  std::vector<std::string> slots;
  for (int t = 3; t < items; ++t) slots.push_back(p.id + "#TOP" + std::to_string(t));
  const auto cited = b.DistributeCitations(slots);
  // Distinct TOP titles, as most agendas have them.
  std::vector<std::string> titles;
  const int topics = static_cast<int>(Topics().size());
  const int first_topic = b.random().Below(topics);
  for (int t = 0; t < items; ++t) {
    const std::size_t kind = 1 + static_cast<std::size_t>(t + b.paper().index) % (AgendaItems().size() - 2);
    titles.push_back(AgendaItems()[kind] + ": " + Topics()[static_cast<std::size_t>((first_topic + t) % topics)].title);
  }
  b.Heading("1. " + AgendaItems()[0]);
  b.Paragraph(
      "Der Vorsitzende eröffnet die Sitzung und stellt die Beschlussfähigkeit fest. Die Tagesordnung wird ohne "
      "Änderungen bestätigt.");
  Date previous = p.date;  // the body's first minutes in the archive approve earlier ones outside it
  previous.year -= 1;
  previous.day = std::min(previous.day, 28);
  if (p.approves >= 0) previous = b.At(p.approves).date;
  b.Heading("2. Bestätigung der Niederschrift der Sitzung am " + previous.German());
  b.Edge(p.id + "#TOP2", body.nominative + "/" + previous.Iso(), "approves");
  b.Paragraph("Die Niederschrift der Sitzung vom " + previous.German() + " wird, wie vorgelegt, bestätigt.");
  for (int t = 3; t < items; ++t) {
    const auto& sentences = cited[static_cast<std::size_t>(t - 3)];
    b.Heading(Ordinal(t) + " " + (t + 1 == items ? AgendaItems().back() : titles[static_cast<std::size_t>(t - 3)]));
    std::string text = b.TopicParagraph(b.random().Between(2, 4));
    for (const std::string& sentence : sentences) text += " " + sentence;
    b.Paragraph(std::move(text));
  }
  b.Paragraph("Schluss der Sitzung: 19:00 Uhr");
  const Person& taker = People()[static_cast<std::size_t>(p.author)];
  b.Lines({taker.Name(), "Protokollführung"});
}

}  // namespace ratsdoc_bench
