// Words and sentences the generator writes with: topics, people, Fraktionen,
// bodies and neutral filler in the style of Magdeburg council papers. The
// filler deliberately holds things that are not references (dates, times,
// budget years, phone numbers, paragraphs, URLs).
#pragma once

#include <string>
#include <vector>

namespace ratsdoc_bench {

struct Topic {
  std::string title;                   // a Kurztitel
  std::string field;                   // Handlungsfeld of a concept annex
  std::vector<std::string> sentences;  // background
  std::vector<std::string> questions;  // an Anfrage's questions
  std::vector<std::string> measures;   // rows of a concept annex
};

struct Person {
  std::string first, last;
  bool female = false;
  std::string Councillor() const;  // "Stadträtin Dr. Miriam Kessler"
  std::string Name() const;        // "Miriam Kessler"
  std::string Role() const;        // "Stadträtin"
};

struct Body {
  std::string nominative;  // "Ausschuss für Umwelt und Energie"
  std::string genitive;    // "Ausschusses für Umwelt und Energie" (after "des")
  std::string short_name;  // "UwE": session numbers "UwE/012(VII)/23"
};

const std::vector<Topic>& Topics();
const std::vector<Person>& People();
const std::vector<std::string>& Fraktionen();
const std::vector<Body>& Bodies();               // Bodies()[0] is the Stadtrat
const std::vector<std::string>& Offices();       // "V/02 Stabsstelle …"
const std::vector<std::string>& Responsibles();  // the Verantwortlich column of measures
const std::vector<std::string>& Filler();        // neutral sentences
const std::vector<std::string>& Answers();       // a Stellungnahme's answer sentences
const std::vector<std::string>& Proposals();     // an Antrag's numbered points
const std::vector<std::string>& AgendaItems();   // TOP titles without references

}  // namespace ratsdoc_bench
