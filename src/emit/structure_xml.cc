#include "emit/structure_xml.h"

#include "emit/xml_util.h"

namespace ratsdoc::emit {
namespace {

void SetPerson(pugi::xml_node node, const Person& person) {
  SetOptional(node, "name", person.name);
  SetOptional(node, "title", person.title);
  SetOptional(node, "role", person.role);
  SetOptional(node, "group", person.group);
}

void SetSpan(pugi::xml_node node, const Span& span) {
  if (span.end <= span.begin) return;
  SetNumber(node, "begin", span.begin);
  SetNumber(node, "end", span.end);
}

void SetCount(pugi::xml_node node, const char* name, int value) {
  if (value >= 0) SetNumber(node, name, static_cast<std::uint64_t>(value));
}

void AppendOptionalText(pugi::xml_node parent, const char* name, std::string_view text) {
  if (!text.empty()) AppendText(parent, name, text);
}

void AppendMeeting(const Meeting& m, pugi::xml_node doc) {
  pugi::xml_node node = doc.append_child("meeting");
  SetOptional(node, "body", m.body);
  SetOptional(node, "number", m.number);
  SetOptional(node, "public", m.is_public);
  SetOptional(node, "date", m.date);
  SetOptional(node, "start", m.start);
  SetOptional(node, "end", m.end);
  SetOptional(node, "location", m.location);
  SetCount(node, "quorum", m.quorum);
  SetOptional(node, "closed", m.closed);
  SetOptional(node, "minuteTaker", m.minute_taker);
}

}  // namespace

void AppendTitleXml(const DocumentStructure& s, pugi::xml_node doc) { AppendOptionalText(doc, "title", s.title); }

void AppendStructureXml(const DocumentStructure& s, pugi::xml_node doc) {
  if (!s.subject_paper.empty() || !s.subject_person.name.empty()) {
    pugi::xml_node node = doc.append_child("subject");
    SetOptional(node, "paper", s.subject_paper);
    SetPerson(node, s.subject_person);
  }
  AppendOptionalText(doc, "originator", s.originator);
  AppendOptionalText(doc, "addressee", s.addressee);
  if (!s.distribution.empty()) {
    pugi::xml_node node = doc.append_child("distribution");
    SetOptional(node, "date", s.distribution_date);
    node.text().set(XmlSafe(s.distribution).c_str());
  }
  for (const Person& person : s.submitters) SetPerson(doc.append_child("submitter"), person);
  for (const Session& session : s.sessions) {
    pugi::xml_node node = doc.append_child("session");
    SetOptional(node, "body", session.body);
    SetOptional(node, "date", session.date);
    SetOptional(node, "number", session.number);
    SetOptional(node, "item", session.item);
    SetOptional(node, "public", session.is_public);
  }
  if (s.has_meeting) AppendMeeting(s.meeting, doc);
  if (!s.participants.empty()) {
    pugi::xml_node list = doc.append_child("participants");
    for (const Person& person : s.participants) {
      pugi::xml_node node = list.append_child("person");
      SetAttribute(node, "name", person.name);
      SetOptional(node, "title", person.title);
      SetOptional(node, "group", person.group);
      SetOptional(node, "role", person.role);
      SetOptional(node, "attendance", person.attendance);
      SetOptional(node, "substituteFor", person.substitute_for);
      SetOptional(node, "section", person.section);
    }
  }
  for (const AgendaItem& item : s.agenda) {
    pugi::xml_node node = doc.append_child("agendaItem");
    SetAttribute(node, "number", item.number);
    SetOptional(node, "id", item.id);
    SetOptional(node, "time", item.time);
    SetOptional(node, "speaker", item.speaker);
    SetSpan(node, item.span);
    AppendOptionalText(node, "name", item.name);
    AppendOptionalText(node, "text", item.text);
  }
  for (const Question& q : s.questions) {
    pugi::xml_node node = doc.append_child("question");
    SetAttribute(node, "number", q.number);
    SetOptional(node, "id", q.id);
    SetSpan(node, q.span);
    AppendOptionalText(node, "text", q.text);
    AppendOptionalText(node, "answer", q.answer);
  }
  for (const Decision& d : s.decisions) {
    pugi::xml_node node = doc.append_child("decision");
    SetAttribute(node, "number", d.number);
    SetSpan(node, d.span);
    AppendOptionalText(node, "text", d.text);
  }
  for (const Vote& v : s.votes) {
    pugi::xml_node node = doc.append_child("vote");
    SetOptional(node, "result", v.result);
    SetCount(node, "yes", v.yes);
    SetCount(node, "no", v.no);
    SetCount(node, "abstentions", v.abstentions);
    node.text().set(XmlSafe(v.subject).c_str());
  }
  for (const Section& section : s.sections) {
    pugi::xml_node node = doc.append_child("section");
    SetOptional(node, "number", section.number);
    SetOptional(node, "title", section.title);
    SetSpan(node, section.span);
    AppendOptionalText(node, "text", section.text);
  }
  for (const ActionField& field : s.action_fields) {
    pugi::xml_node node = doc.append_child("actionField");
    SetAttribute(node, "number", field.number);
    if (field.cross_cutting) SetAttribute(node, "crossCutting", "true");
    AppendOptionalText(node, "title", field.title);
    for (const Goal& goal : field.goals) {
      pugi::xml_node g = node.append_child("goal");
      SetOptional(g, "group", goal.group);
      g.text().set(XmlSafe(goal.text).c_str());
    }
  }
  for (const Measure& m : s.measures) {
    pugi::xml_node node = doc.append_child("measure");
    SetAttribute(node, "id", m.id);
    SetAttribute(node, "number", m.number);
    SetSpan(node, m.span);
    AppendOptionalText(node, "text", m.text);
    for (const Responsible& r : m.responsible) {
      pugi::xml_node unit = node.append_child("responsible");
      if (r.lead) SetAttribute(unit, "lead", "true");
      unit.text().set(XmlSafe(r.name).c_str());
    }
  }
  for (const Person& person : s.signatures) SetPerson(doc.append_child("signature"), person);
  for (const std::string& date : s.dates) AppendText(doc, "mentionedDate", date);
}

}  // namespace ratsdoc::emit
