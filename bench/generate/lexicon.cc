#include "lexicon.h"

namespace ratsdoc_bench {

std::string Person::Name() const { return first + " " + last; }
std::string Person::Role() const { return female ? "Stadträtin" : "Stadtrat"; }
std::string Person::Councillor() const { return Role() + " " + Name(); }

const std::vector<Topic>& Topics() {
  static const std::vector<Topic> topics = {
      {"Auslastung der städtischen Gebäude",
       "Integration in den Stadtteilen",
       {"Viele städtische Gebäude, insbesondere Schulen, Bürgerhäuser und Verwaltungsstandorte, stehen nach 17:00 Uhr "
        "und an den Wochenenden weitgehend leer.",
        "Vereine und Initiativen berichten, dass Anfragen nach Räumen mit dem Hinweis auf fehlende Kapazitäten "
        "abgelehnt werden.",
        "Der Wirtschaftsplan des Eigenbetriebes Kommunales Gebäudemanagement weist in Abschnitt 3.2 lediglich die "
        "bewirtschafteten Flächen aus."},
       {"Wie hoch ist die durchschnittliche Auslastung der städtischen Gebäude an Werktagen nach 17:00 Uhr sowie an "
        "den Wochenenden?",
        "Welche Räume stehen Migrantenorganisationen derzeit zur Verfügung und zu welchen Konditionen werden sie "
        "überlassen?",
        "Ist die Verwaltung bereit, die Belegung städtischer Räume über ein Online-Buchungssystem zugänglich zu "
        "machen?"},
       {"Interkulturelle Mieter*innenarbeit in den Stadtteilen mit hohem Zuzug verstärken",
        "Räume in Schulen und Bürgerhäusern für Vereine und Initiativen öffnen",
        "Nachbarschaftstreffs als Orte der Begegnung im Quartier fördern"}},
      {"Sanierung der Grundschulen",
       "Bildung",
       {"Der Sanierungsstau an den Grundschulen wird im Schulentwicklungsplan auf rund 48 Mio. EUR beziffert.",
        "Mehrere Schulträgerschaften verlangen eine Priorisierung der Vorhaben nach dem baulichen Zustand.",
        "Die Mittel des Förderprogramms sind bis zum 31.12.2025 zu binden."},
       {"Welche Grundschulen sollen in den Haushaltsjahren 2024/2025 saniert werden?",
        "Nach welchen Kriterien legt die Verwaltung die Reihenfolge der Sanierungen fest?",
        "Wie werden Eltern und Schulleitungen über Ausweichquartiere informiert?"},
       {"Schulwegsicherung an allen Grundschulstandorten prüfen",
        "Sprachförderung der Schulkinder im Alter bis 14 Jahre ausbauen",
        "Ganztagsangebote gemeinsam mit freien Trägern weiterentwickeln"}},
      {"Radverkehr am Breiten Weg",
       "Mobilität",
       {"Der Breite Weg ist eine der am stärksten befahrenen Radverkehrsachsen der Innenstadt.",
        "Im Zählzeitraum vom 01.04.2023 bis 30.09.2023 wurden werktäglich bis zu 6.800 Radfahrende erfasst.",
        "Die Straßenverkehrsbehörde verweist auf die Vorgaben der StVO und auf laufende Abstimmungen mit den "
        "Verkehrsbetrieben."},
       {"Wann wird der geplante Radfahrstreifen am Breiten Weg markiert?",
        "Wie viele Unfälle mit Beteiligung von Radfahrenden wurden dort seit 2021 polizeilich erfasst?",
        "Welche Kosten entstehen für die Umgestaltung der Kreuzungsbereiche?"},
       {"Radverkehrsanlagen an Hauptverkehrsstraßen durchgängig markieren",
        "Abstellanlagen an Haltestellen des ÖPNV schaffen", "Mehrsprachige Radfahrkurse für Erwachsene anbieten"}},
      {"Kinderbetreuung in den Randzeiten",
       "Gesellschaftliche Teilhabe",
       {"Beschäftigte im Schichtdienst finden für ihre Kinder nur selten eine Betreuung vor 06:00 Uhr oder nach 18:00 "
        "Uhr.",
        "Die Kita-Bedarfsplanung weist für das Kitajahr 2023/2024 einen Mehrbedarf von 214 Plätzen aus.",
        "Träger verweisen auf den Fachkräftemangel und auf die Vorgaben des KiFöG."},
       {"In wie vielen Kindertageseinrichtungen werden Betreuungszeiten vor 06:00 Uhr angeboten?",
        "Welche Träger sind bereit, erweiterte Öffnungszeiten modellhaft zu erproben?",
        "Wie hoch wären die zusätzlichen Personalkosten je Einrichtung und Jahr?"},
       {"Mehrsprachige Informationen zur Kita-Anmeldung bereitstellen",
        "Randzeitenbetreuung modellhaft in zwei Stadtteilen erproben",
        "Elternbegleiter*innen mit Migrationshintergrund qualifizieren"}},
      {"Klimaanpassung und Stadtgrün",
       "Umwelt und Klima",
       {"Die Hitzesommer der vergangenen Jahre haben die Straßenbäume in der Innenstadt stark geschädigt.",
        "Nach dem Baumkataster wurden im Jahr 2022 insgesamt 1.140 Bäume gefällt und 860 nachgepflanzt.",
        "Der Eigenbetrieb Stadtgarten und Friedhöfe kann die Bewässerung mit dem vorhandenen Personal nur "
        "eingeschränkt leisten."},
       {"Wie viele Straßenbäume wurden in den Jahren 2021 bis 2023 gefällt und wie viele nachgepflanzt?",
        "Welche Flächen eignen sich für zusätzliche Baumpflanzungen in den dicht bebauten Stadtteilen?",
        "Wird die Verwaltung Baumpatenschaften für Anwohnerinnen und Anwohner ermöglichen?"},
       {"Hitzeaktionsplan mit den Gesundheitsdiensten abstimmen", "Trinkbrunnen an zentralen Plätzen aufstellen",
        "Entsiegelung von Schulhöfen und Parkplätzen prüfen"}},
      {"Digitalisierung der Bürgerdienste",
       "Interkulturelle Öffnung der Verwaltung",
       {"Termine im Bürgerbüro sind häufig erst nach mehreren Wochen verfügbar.",
        "Nach dem Onlinezugangsgesetz sollen Verwaltungsleistungen auch elektronisch angeboten werden.",
        "Das Serviceportal ist unter www.magdeburg.de/serviceportal erreichbar, bietet aber nur wenige Leistungen "
        "vollständig digital an."},
       {"Welche Verwaltungsleistungen können derzeit vollständig online beantragt werden?",
        "Wie lang ist die durchschnittliche Wartezeit auf einen Termin im Bürgerbüro?",
        "Welche Leistungen sollen bis Ende 2025 zusätzlich digital angeboten werden?"},
       {"Serviceportal mehrsprachig gestalten",
        "Interkulturelle Schulungen für Beschäftigte mit Publikumsverkehr anbieten",
        "Leichte Sprache in Bescheiden und Formularen einführen"}},
      {"Förderung des Vereinssports",
       "Sport",
       {"Die Sportvereine der Stadt verzeichnen seit dem Ende der Pandemie wieder steigende Mitgliederzahlen.",
        "Die Sportförderrichtlinie wurde zuletzt im Jahr 2019 angepasst.",
        "Hallenzeiten sind in den Wintermonaten bereits ab 15:30 Uhr vollständig vergeben."},
       {"Wie haben sich die Mitgliederzahlen der Sportvereine seit 2019 entwickelt?",
        "Wie viele Anträge auf Hallenzeiten konnten im Schuljahr 2023/2024 nicht berücksichtigt werden?",
        "Plant die Verwaltung eine Anpassung der Sportförderrichtlinie?"},
       {"Vereinsangebote für geflüchtete Kinder und Jugendliche bekannt machen",
        "Übungsleiter*innen mit Migrationshintergrund gewinnen und fördern",
        "Offene Sportangebote in den Sommerferien ausbauen"}},
      {"Kulturförderung und Ehrenamt",
       "Kultur",
       {"Die Kulturstrategie 2030 sieht eine stärkere Einbindung ehrenamtlicher Initiativen vor.",
        "Freie Träger berichten von steigenden Kosten für Mieten und Energie.",
        "Die Projektförderung wird jährlich zum 30.09. ausgeschrieben."},
       {"Wie viele Projekte freier Träger wurden in den Jahren 2022 und 2023 gefördert?",
        "Welche Mittel stehen für die Förderung ehrenamtlicher Kulturvermittlung zur Verfügung?",
        "Wie wird die Beteiligung von Migrant*innenorganisationen an der Kulturförderung sichergestellt?"},
       {"Kulturvermittler*innen im Ehrenamt qualifizieren", "Interkulturelle Feste in den Stadtteilen unterstützen",
        "Eintrittsfreie Tage in den städtischen Museen ausweiten"}},
  };
  return topics;
}

const std::vector<Person>& People() {
  static const std::vector<Person> people = {
      {"Miriam", "Kessler", true}, {"Marcel", "Oehme", false},   {"Sabine", "Hartwig", true},
      {"Jana", "Kühl", true},      {"Manuel", "Rupsch", false},  {"Kathrin", "Natho", true},
      {"René", "Hempel", false},   {"Steffi", "Meyer", true},    {"Christian", "Mertens", false},
      {"Aila", "Fassl", true},     {"Oliver", "Müller", false},  {"Nadja", "Lösch", true},
      {"Burkhard", "Moll", false}, {"Julia", "Brandt", true},    {"Tobias", "Grünert", false},
      {"Anke", "Jäger", true},     {"Frank", "Schuster", false}, {"Carola", "Schumann", true},
      {"Jens", "Rösler", false},   {"Madeleine", "Linke", true}, {"Hans-Jörg", "Schuster", false},
      {"Karin", "Meinecke", true}, {"Roland", "Zander", false},  {"Ute", "Wiesner", true},
  };
  return people;
}

const std::vector<std::string>& Fraktionen() {
  static const std::vector<std::string> fraktionen = {"CDU-Ratsfraktion",
                                                      "SPD-Stadtratsfraktion",
                                                      "Fraktion DIE LINKE",
                                                      "Fraktion GRÜNE/future!",
                                                      "Fraktion FDP/Tierschutzpartei",
                                                      "Fraktion Gartenpartei/Tierschutzallianz",
                                                      "AfD-Fraktion"};
  return fraktionen;
}

const std::vector<Body>& Bodies() {
  static const std::vector<Body> bodies = {
      {"Stadtrat", "Stadtrates", "SR"},
      {"Ausschuss für Umwelt und Energie", "Ausschusses für Umwelt und Energie", "UwE"},
      {"Gesundheits- und Sozialausschuss", "Gesundheits- und Sozialausschusses", "GeSo"},
      {"Beirat für Integration und Migration", "Beirates für Integration und Migration", "BIM"},
      {"Finanz- und Grundstücksausschuss", "Finanz- und Grundstücksausschusses", "FG"},
      {"Jugendhilfeausschuss", "Jugendhilfeausschusses", "JHA"},
      {"Kulturausschuss", "Kulturausschusses", "K"},
  };
  return bodies;
}

const std::vector<std::string>& Offices() {
  static const std::vector<std::string> offices = {"V/02 Stabsstelle Jugendhilfe-, Sozial- und Gesundheitsplanung",
                                                   "IV/01 Fachbereich Schule und Sport",
                                                   "VI/02 Stadtplanungsamt",
                                                   "II/03 Umweltamt",
                                                   "I/01 Fachbereich Bürgerservice und Ordnungsamt",
                                                   "IV/03 Fachbereich Kunst und Kultur",
                                                   "V/51 Jugendamt"};
  return offices;
}

const std::vector<std::string>& Responsibles() {
  static const std::vector<std::string> responsibles = {
      "federführend: LH Magdeburg, Dezernat V, Koordination für Integration und Zuwanderung",
      "LH Magdeburg Büro OB Team Presse- und Öffentlichkeitsarbeit",
      "Stadtverwaltung und Stadtrat",
      "Jugendamt in Kooperation mit freien Trägern",
      "Fachbereich Schule und Sport",
      "Umweltamt, Eigenbetrieb Stadtgarten und Friedhöfe",
      "Wohnungsunternehmen, Gemeinwesenarbeitsgruppen"};
  return responsibles;
}

const std::vector<std::string>& Filler() {
  static const std::vector<std::string> filler = {
      "Die Verwaltung hat hierzu eine dezernatsübergreifende Arbeitsgruppe eingerichtet, die sich zuletzt am "
      "14.03.2023 um 15:00 Uhr getroffen hat.",
      "Für die Haushaltsjahre 2024/2025 sind entsprechende Mittel im Teilergebnisplan veranschlagt.",
      "Die Zuständigkeit des Stadtrates ergibt sich aus § 45 Abs. 2 KVG LSA.",
      "Rückfragen beantwortet die Geschäftsstelle unter Tel. 0391 540-2345.",
      "Weitere Informationen sind unter www.magdeburg.de/media/custom/37_20976_1 veröffentlicht.",
      "Die Ergebnisse werden in der Arbeitsgruppe Integration und Migration vorgestellt und anschließend mit den "
      "Dezernaten abgestimmt.",
      "Dabei sind die Belange von Menschen mit Behinderungen, von Seniorinnen und Senioren sowie von Familien mit "
      "Kindern besonders zu berücksichtigen.",
      "Ein Zwischenbericht ist dem zuständigen Fachausschuss bis zum IV. Quartal 2024 vorzulegen.",
      "Die Beteiligung der Öffentlichkeit erfolgt über Informationsveranstaltungen in den Stadtteilen und über das "
      "Beteiligungsportal.",
      "Mehrkosten, die über den bisherigen Ansatz hinausgehen, werden gesondert zur Entscheidung vorgelegt.",
      "Der Punkt 2 des Beschlussvorschlages betrifft ausschließlich die Umsetzung innerhalb der Verwaltung.",
      "Bereits im Jahr 2021 hatten Vereine und Initiativen auf die Dringlichkeit des Vorhabens hingewiesen.",
      "Die Landeshauptstadt Magdeburg beteiligt sich hierzu am Austausch mit anderen Großstädten in Sachsen-Anhalt.",
      "Die Maßnahmen sollen in enger Abstimmung mit den freien Trägern und den Migrantenorganisationen umgesetzt "
      "werden.",
      "Eine abschließende Bewertung ist erst nach Vorliegen der Jahresrechnung möglich.",
      "Die Kosten belaufen sich nach einer ersten Schätzung auf rund 250.000 EUR jährlich.",
      "Die Stadtteilkonferenzen wurden im Rahmen ihrer Sitzungen im Herbst informiert und haben die Vorschläge "
      "begrüßt.",
      "Nach Auskunft des Landesverwaltungsamtes ist eine Förderung aus Landesmitteln grundsätzlich möglich.",
      "Die Daten des Amtes für Statistik beziehen sich auf den Stichtag 31.12.2022.",
      "Eine Evaluation ist nach zwei Jahren vorgesehen; ihre Ergebnisse fließen in die Fortschreibung ein.",
  };
  return filler;
}

const std::vector<std::string>& Answers() {
  static const std::vector<std::string> answers = {
      "Eine vollständige Übersicht liegt der Verwaltung derzeit nicht vor; die Daten werden bis zum Ende des Jahres "
      "erhoben.",
      "Die Verwaltung hat die betroffenen Fachbereiche um Zuarbeit gebeten. Nach deren Auswertung ergibt sich "
      "folgendes Bild.",
      "Die Frage wird grundsätzlich bejaht. Die Umsetzung hängt jedoch von der Bereitstellung zusätzlicher "
      "Haushaltsmittel ab.",
      "Hierzu wird auf die Ausführungen zu Frage 1 verwiesen.",
      "Die Landeshauptstadt Magdeburg spricht sich ausdrücklich für die Fortsetzung der bisherigen Angebote aus.",
      "Die Verwaltung prüft derzeit, ob das Vorhaben im Rahmen eines Modellprojektes erprobt werden kann.",
  };
  return answers;
}

const std::vector<std::string>& Proposals() {
  static const std::vector<std::string> proposals = {
      "dem Stadtrat bis zum Ende des Jahres ein Konzept zur Umsetzung vorzulegen,",
      "die notwendigen Haushaltsmittel für die Haushaltsjahre 2024/2025 zu veranschlagen,",
      "die Beteiligung des Beirates für Integration und Migration verbindlich sicherzustellen,",
      "zu prüfen, ob Fördermittel des Landes oder des Bundes eingeworben werden können,",
      "die Ergebnisse in geeigneter Form öffentlich zugänglich zu machen.",
  };
  return proposals;
}

const std::vector<std::string>& AgendaItems() {
  static const std::vector<std::string> items = {
      "Eröffnung, Feststellung der Beschlussfähigkeit und Bestätigung der Tagesordnung",
      "Information der Verwaltung zum Stand der Umsetzungsplanung", "Anfragen und Mitteilungen",
      "Bericht aus den Arbeitsgruppen", "Verschiedenes"};
  return items;
}

}  // namespace ratsdoc_bench
