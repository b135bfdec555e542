// Structure: what a council paper says, field by field, according to its kind
// (SPEC "Document kinds and what each yields"). The stage reads the
// normalised text and the references stage's result (own number, kind of the
// own number, parent paper, date) and returns the kind by content, the fields
// of that kind, and the units (question, agenda item, measure) that
// references are attributed to.
//
// Every pattern it uses comes from the grammar's <structure> section
// (grammars/README.md); a field whose pattern the grammar does not define is
// left empty. Text values have white space collapsed to single spaces, so a
// PDF and a text export of the same paper give the same values; `span`s point
// into the normalised text for whoever needs the original layout.
//
// Thread-safety: ExtractStructure is a pure function of its arguments.
#pragma once

#include <string>
#include <vector>

#include "ratsdoc/grammar.h"
#include "ratsdoc/identity.h"
#include "ratsdoc/normalize.h"
#include "ratsdoc/references.h"

namespace ratsdoc {

// A person as a document names them. `name` is without honorifics (Herr,
// Frau) and without titles or roles, white space collapsed and a hyphen split
// by a line break rejoined ("Kavita Ghone-Schmiedecke"); it may be a surname
// alone ("Arnold") — ratsdoc never completes a name it was not given.
struct Person {
  std::string name;
  std::string title;           // academic titles as written: "Dr.", "Prof. Dr."
  std::string role;            // "Stadträtin", "Vorsitzender des Stadtrates", …
  std::string group;           // Fraktion, Struktur or office the person stands for
  std::string attendance;      // participants: "present", "excused" or "unknown"
  std::string substitute_for;  // participants: the name of the person substituted ("für …")
  std::string section;         // participants: heading of the attendance table
};

// A numbered question of an Anfrage, a proposal of an Antrag, or a question
// quoted in a Stellungnahme with its answer.
struct Question {
  std::string number;  // "1"
  std::string id;      // unit ID from the grammar's question-id template
  std::string text;
  std::string answer;  // Stellungnahme only
  Span span;           // question and answer
};

// A numbered decision point of a Beschluss (or a Beschlussvorschlag).
struct Decision {
  std::string number;
  std::string text;
  Span span;
};

// A vote result of a Beschluss: "Ja: 38, Nein: 9, Enthaltung: 3".
struct Vote {
  std::string subject;  // what was voted on ("Änderungsantrag DS0583/21/1")
  std::string result;   // as written: "angenommen", "abgelehnt", "geändert beschlossen"
  int yes = -1, no = -1, abstentions = -1;  // -1: not given
};

// A session a paper is (to be) dealt with in: Gremium and Sitzungstermin rows
// of an Anfrage, Antrag or Drucksache; the deciding session of a Beschluss.
struct Session {
  std::string body;    // "Stadtrat", "Gesundheits- und Sozialausschuss"
  std::string date;    // ISO 8601
  std::string number;  // session number, e.g. "SR/057(VII)/22"
  std::string item;    // agenda item (TOP) in it, e.g. "5.4"
  std::string is_public;  // "true", "false" or "" when not said
};

// The session minutes record.
struct Meeting {
  std::string body;       // nominative: "Beirat für Integration und Migration"
  std::string number;     // "2"
  std::string is_public;  // "true", "false" or ""
  std::string date;       // ISO 8601
  std::string start, end; // "17:00"
  std::string location;   // "Rathaus, Hansesaal"
  int quorum = -1;        // voting members present when quorum was established; -1: not stated
  std::string closed;     // closing time ("Ende der Sitzung: 19:00 Uhr")
  std::string minute_taker;  // name after "F.d.R.d.P.:"
};

// One agenda item: a TOP of minutes, or a timed item of a programme.
struct AgendaItem {
  std::string number;   // "4"; for a timed programme its position "1", "2", …
  std::string id;       // unit ID (minutes only) from the grammar's agenda-item-id template
  std::string name;     // the TOP's title or the programme item
  std::string text;     // the TOP's text
  std::string time;     // programmes: "09:10"
  std::string speaker;  // programmes: "Dr. Gottschalk, Leiter der Stabsstelle V/02, …"
  Span span;
};

struct Goal {
  std::string group;  // the sub-heading it stands under ("Wohnen"); may be empty
  std::string text;
};

// A Handlungsfeld of a concept annex.
struct ActionField {
  std::string number;  // "3"; the cross-cutting field takes its measures' number
  std::string title;
  bool cross_cutting = false;  // "Handlungsfeldübergreifendes"
  std::vector<Goal> goals;
};

struct Responsible {
  std::string name;   // "Dezernat für Soziales, Jugend und Gesundheit"
  bool lead = false;  // named after "federführend:"
};

// One measure row of a concept annex.
struct Measure {
  std::string id;      // "DS0583/21/Anlage2#3.32"
  std::string number;  // "3.32", also "3.1 u. a."
  std::string key;     // the number as it enters the ID: "3.1" for "3.1 u. a."
  std::string text;
  std::vector<Responsible> responsible;
  Span span;           // the row
};

// A numbered section of a Drucksache's or Information's text ("1. Ausgangslage").
struct Section {
  std::string number;
  std::string title;
  std::string text;
  Span span;
};

// A unit references are attributed to: the smallest one containing a
// reference is its `unit`. Agenda items and measures are graph vertices of
// their own (edges start at them); questions are not.
// The kinds of units: a measure row and an agenda item are graph vertices, a
// question is not.
inline constexpr const char* kMeasureUnit = "massnahme";
inline constexpr const char* kAgendaItemUnit = "tagesordnungspunkt";
inline constexpr const char* kQuestionUnit = "frage";

struct Unit {
  std::string id;      // "DS0583/21/Anlage2#2.3"
  std::string kind;    // kMeasureUnit, kAgendaItemUnit, kQuestionUnit
  std::string number;  // "2.3"
  Span span;
  bool is_vertex = false;
};

struct DocumentStructure {
  std::string kind;   // by own number when it has one, else by the grammar's content cues; "sonstiges"
  std::string title;  // Bezeichnung, Kurztitel, "Thema:", heading
  std::vector<std::string> dates;  // sonstiges: every date named in the text, ISO, in order, once each

  // Header fields of papers.
  std::string originator;  // Stadtamt (Stellungnahme), Absender office or Federführendes Amt (Drucksache)
  std::string addressee;   // Adressat
  std::string subject_paper;  // Stellungnahme: the paper answered (zum/zur)
  Person subject_person;      // Stellungnahme: its submitter as the header names them
  std::string distribution;   // Verteiler
  std::string distribution_date;  // Tag, ISO
  std::vector<Person> submitters;  // Anfrage, Antrag: Absender (Fraktion, persons)
  std::vector<Session> sessions;
  std::vector<Person> signatures;

  std::vector<Question> questions;
  std::vector<Decision> decisions;
  std::vector<Vote> votes;
  std::vector<Section> sections;

  bool has_meeting = false;
  Meeting meeting;
  std::vector<Person> participants;
  std::vector<AgendaItem> agenda;

  std::vector<ActionField> action_fields;
  std::vector<Measure> measures;

  std::vector<Unit> units;  // in document order

  // Values the text states that are out of their field's range (a vote
  // count of 99999999999, a date 31.02.2023): each left out, with a sentence
  // saying what and where.
  std::vector<std::string> warnings;
};

// REQUIRES: `references` is ExtractReferences(text, grammar); `document_id`
// is the document's final ID (its own number, or the content ID without one),
// from which unit IDs are made.
// `identity` gives the title when the kind's parser finds none.
DocumentStructure ExtractStructure(const NormalizedText& text, const Grammar& grammar,
                                   const DocumentReferences& references, const std::string& document_id,
                                   const DocumentIdentity& identity = DocumentIdentity{});

// The ID of agenda item `number` of the minutes `document`, by the grammar's
// agenda-item-id template ("Gemeinderat/2021-06-22#TOP35").
std::string AgendaItemIdOf(const std::string& document, const std::string& number, const Grammar& grammar);

// Sets each reference's `unit` to the smallest unit containing it.
void AttributeToUnits(const std::vector<Unit>& units, std::vector<Reference>* references);

}  // namespace ratsdoc
