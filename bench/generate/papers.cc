// Anfrage, Antrag, Stellungnahme and Information, laid out like the papers of
// the Magdeburg council information system (samples/text/101_…, 102_…, 000_…).
#include <string>
#include <vector>

#include "parts.h"

namespace ratsdoc_bench {

const std::vector<double> kThreeColumns = {0.0, 0.52, 0.76};
const std::vector<double> kFourColumns = {0.0, 0.38, 0.52, 0.79};

bool Borris(const Date& date) { return date.year >= 2022; }
std::string Mayor(const Date& date) { return Borris(date) ? "Oberbürgermeisterin" : "Oberbürgermeister"; }
std::string MayorName(const Date& date) { return Borris(date) ? "Frau Simone Borris" : "Herr Dr. Lutz Trümper"; }

Date DaysLater(Date date, int days) {
  date.day += days;
  while (date.day > 28) {
    date.day -= 28;
    if (++date.month > 12) {
      date.month = 1;
      ++date.year;
    }
  }
  return date;
}

// Body paragraphs for a paper of `pages` pages, with the citations of `slots` woven in.
void BodyParagraphs(DocumentBuilder& b, int paragraphs, const std::vector<std::string>& citations) {
  std::vector<std::string> texts;
  for (int i = 0; i < paragraphs; ++i) texts.push_back(b.TopicParagraph(b.random().Between(2, 5)));
  for (const std::string& sentence : citations) {
    std::string& text = texts[static_cast<std::size_t>(b.random().Below(paragraphs))];
    text += " " + sentence;
  }
  for (std::string& text : texts) b.Paragraph(std::move(text));
}

void PaperHeader(DocumentBuilder& b, const std::string& word, std::vector<std::string> from,
                 std::vector<std::string> to, std::vector<std::vector<std::string>> sessions) {
  const Paper& p = b.paper();
  std::vector<std::vector<std::string>> rows = {
      {word, "Datum", "Nummer"}, {"öffentlich", p.date.German(), p.id}, {"Absender"}};
  for (std::string& line : from) rows.push_back({std::move(line)});
  rows.push_back({"Adressat"});
  for (std::string& line : to) rows.push_back({std::move(line)});
  rows.push_back({"Gremium", "Sitzungstermin"});
  if (sessions.empty()) sessions.push_back({"Stadtrat", DaysLater(p.date, b.random().Between(3, 20)).German()});
  for (auto& session : sessions) rows.push_back(std::move(session));
  rows.push_back({"Kurztitel"});
  rows.push_back({b.topic().title});
  b.Lines({"Landeshauptstadt Magdeburg"});
  b.HeaderTable(kThreeColumns, std::move(rows));
}

int Paragraphs(const Paper& paper) { return 1 + (paper.target_pages - 1) * 6; }

void BuildAnfrage(DocumentBuilder& b) {
  const Paper& p = b.paper();
  b.document().running_header = "Anfrage " + p.id;
  PaperHeader(b, "Anfrage", {b.fraktion(), b.author().Councillor()}, {Mayor(p.date), MayorName(p.date)});
  b.Paragraph("Sehr geehrte" + std::string(Borris(p.date) ? " Frau " : "r Herr ") + Mayor(p.date) + ",");
  const int questions = b.random().Between(2, 5);
  const int paragraphs = Paragraphs(p);
  // Citations go into the introduction or into a question (both from the paper itself).
  std::vector<std::string> slots(static_cast<std::size_t>(2), p.id);
  const auto cited = b.DistributeCitations(slots);
  BodyParagraphs(b, paragraphs, cited[0]);
  b.Paragraph("Vor diesem Hintergrund frage ich " + std::string(Borris(p.date) ? "die " : "den ") + Mayor(p.date) +
              ":");
  const int with_citations = b.random().Below(questions);
  for (int q = 0; q < questions; ++q) {
    std::string text = std::to_string(q + 1) + ". " + b.random().Pick(b.topic().questions);
    if (q == with_citations) {
      for (const std::string& sentence : cited[1]) text += " " + sentence;
    }
    b.Paragraph(std::move(text));
  }
  b.Paragraph("Ich bitte um eine kurze mündliche und eine ausführliche schriftliche Beantwortung.");
  b.Lines({b.author().Name(), b.author().Role(), b.fraktion()});
}

void BuildAntrag(DocumentBuilder& b) {
  const Paper& p = b.paper();
  b.document().running_header = "Antrag " + p.id;
  PaperHeader(b, "Antrag", {b.fraktion()}, {"Vorsitzender des Stadtrates", "Herr Prof. Dr. Alexander Pott"});
  b.Paragraph("Der Stadtrat möge beschließen:");
  b.Paragraph(std::string(Borris(p.date) ? "Die " : "Der ") + Mayor(p.date) + " wird beauftragt,");
  const std::vector<std::string> slots(2, p.id);
  const auto cited = b.DistributeCitations(slots);
  const int points = b.random().Between(2, 4);
  for (int i = 0; i < points; ++i) {
    std::string text =
        std::to_string(i + 1) + ". " + Proposals()[static_cast<std::size_t>((p.index + i) % Proposals().size())];
    if (i == 0) {
      for (const std::string& sentence : cited[0]) text += " " + sentence;
    }
    b.Paragraph(std::move(text));
  }
  b.Heading("Begründung:");
  BodyParagraphs(b, Paragraphs(p), cited[1]);
  b.Lines({b.author().Name(), b.author().Role() + ", " + b.fraktion()});
}

void BuildStellungnahme(DocumentBuilder& b) {
  const Paper& p = b.paper();
  const Paper& asked = b.At(p.answers);
  const Person& asker = People()[static_cast<std::size_t>(asked.author)];
  const bool anfrage = asked.kind == Kind::kAnfrage;
  const std::string& office = b.random().Pick(Offices());
  b.document().running_header = "Stellungnahme " + p.id;
  b.Lines({"Landeshauptstadt Magdeburg"});
  b.Heading("Stellungnahme der Verwaltung");
  b.Paragraph("öffentlich");
  b.HeaderTable(kFourColumns, {{"zum/zur", "Stadtamt", "Stellungnahme-Nr.", "Datum"},
                               {asked.id + " " + Fraktionen()[static_cast<std::size_t>(asked.fraktion)] + " " +
                                    asker.Role() + " " + asker.last,
                                office.substr(0, office.find(' ')), p.id, p.date.German()},
                               {"Bezeichnung"},
                               {Topics()[static_cast<std::size_t>(asked.topic)].title},
                               {"Verteiler", "", "Tag"},
                               {"Die " + std::string("Oberbürgermeisterin"), "", DaysLater(p.date, 7).German()}});
  b.Edge(p.id, asked.id, "answers");
  b.Paragraph(std::string("Die Verwaltung nimmt ") + (anfrage ? "zur Anfrage " : "zum Antrag ") + asked.id + " – " +
              Topics()[static_cast<std::size_t>(asked.topic)].title + " – wie folgt Stellung:");
  const int questions = b.random().Between(2, 4);
  const std::vector<std::string> slots(static_cast<std::size_t>(questions), p.id);
  const auto cited = b.DistributeCitations(slots);
  const Topic& topic = Topics()[static_cast<std::size_t>(asked.topic)];
  const int paragraphs = std::max(1, Paragraphs(p) / questions);
  for (int q = 0; q < questions; ++q) {
    if (anfrage)
      b.Paragraph(std::to_string(q + 1) + ". " + topic.questions[static_cast<std::size_t>(q) % topic.questions.size()]);
    b.Paragraph(Answers()[static_cast<std::size_t>(p.index + q) % Answers().size()]);
    BodyParagraphs(b, paragraphs, cited[static_cast<std::size_t>(q)]);
  }
  b.Lines({"Dr. Arnold", "Beigeordnete für Soziales, Jugend und Gesundheit"});
}

void BuildInformation(DocumentBuilder& b) {
  const Paper& p = b.paper();
  b.document().running_header = "Information " + p.id;
  PaperHeader(b, "Information", {"Dezernat " + std::string(p.index % 2 ? "V" : "IV")}, {Mayor(p.date)});
  const std::vector<std::string> slots(1, p.id);
  const auto cited = b.DistributeCitations(slots);
  BodyParagraphs(b, Paragraphs(p) + 1, cited[0]);
  b.Lines({"Dr. Arnold", "Beigeordnete"});
}

}  // namespace ratsdoc_bench
