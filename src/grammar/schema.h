// The grammar's contract: every name C++ reads from a grammar, in one place.
//
// A grammar (grammars/README.md) is data; C++ stages read parts of it by
// name: the named <match> patterns of <structure> and their named groups, the
// <text>s of <structure>, the rewrite lists, the layouts a <kind> can name,
// and the <date> / <measure-row> patterns of <references>. This header
// declares each of them once, with the stage that reads it, what it means,
// its groups with their types, and which of them are required. Stages refer to
// these constants (schema::kNumberedItem, schema::numbered_item::kText), never
// to a name as a string literal, so a name is spelt in one place. The loader
// (grammar.cc) checks every grammar against this schema: a <match>, <text>
// or group name the schema does not declare is a load error naming the
// closest known name, and so is a required group or a required companion
// match that is missing. `ratsdoc grammar --describe` prints the contract
// (Describe below); grammars/README.md holds the same text between markers,
// checked by tests/grammar/schema_test.cpp.
//
// Thread-safety: constants and pure functions.
#pragma once

#include <span>
#include <string>
#include <string_view>

#include "common/numbers.h"

namespace ratsdoc::grammar {
struct Rules;
}

namespace ratsdoc::grammar::schema {

// How C++ reads a group's text. kCount, kDate and kTime values go through the
// bounded parsers of common/numbers.h (a value out of range is left out with a
// warning); kText is taken as written.
enum class Type {
  kText,   // the text as written
  kCount,  // digits, read as a number within `range`
  kDate,   // a date, read through the grammar's <date> (groups d, m, y)
  kTime,   // a time of day, read through the match clock-time (groups h, m)
};
std::string_view TypeName(Type type);  // "text", "count", "date", "time"

// A named group of a pattern.
struct Group {
  std::string_view name;
  Type type = Type::kText;
  std::string_view meaning;
  bool required = false;                  // the pattern must have this group
  const numbers::Range* range = nullptr;  // kCount: the values it may take
  std::string_view what = {};             // the field in a warning; empty: range->what
  // The field as a warning names it.
  std::string_view Field() const { return what.empty() && range != nullptr ? range->what : what; }
};

// Where a name stands in a grammar.
enum class Section {
  kStructure,   // <structure><match name="…">
  kReferences,  // <references><date> and <measure-row>
};

// A named pattern C++ reads.
struct Match {
  Section section = Section::kStructure;
  std::string_view name;
  std::string_view reader;  // the source file that reads it
  std::string_view meaning;
  std::span<const Group> groups = {};
  // Matches C++ reads only together with this one: a grammar that defines this
  // match must define them too, or this one would silently do nothing.
  std::span<const std::string_view> needs = {};
};

// A named text of <structure> (<text name="…">word</text>): a word C++ puts
// into its output, chosen by the grammar's language.
struct Text {
  std::string_view name;
  std::string_view reader;
  std::string_view meaning;
};

// What a document's kind is parsed as: <kind name="…" layout="…"> maps a
// kind to one; a kind without a layout is kNone.
enum class Layout {
  kNone,      // no parser of its own: a timed programme, if any, and every date
  kAnswer,    // a reply to questions (Stellungnahme): header, questions with answers, signatures
  kRequest,   // a request or questions (Anfrage, Antrag): header, submitters, sessions, numbered items
  kDecision,  // a decision (Beschluss): session, decision points, votes
  kProposal,  // a proposal or report (Drucksache, Information): header, decision points, sections
  kMinutes,   // minutes (Niederschrift): meeting, attendance, agenda items
  kAnnex,     // a concept annex (Anlage): action fields, goals, measures
};
struct LayoutName {
  Layout layout;
  std::string_view name;  // as a grammar writes it
  std::string_view meaning;
};
inline constexpr LayoutName kLayouts[] = {
    {Layout::kNone, "none", "no parser of its own: a timed programme (programme-…), if any, and every date"},
    {Layout::kAnswer, "answer", "header table, questions each with its answer, signatures (src/structure/papers.cc)"},
    {Layout::kRequest, "request",
     "header table, addressee, submitters, sessions, numbered questions or proposals, signatures"},
    {Layout::kDecision, "decision", "session, decision points, votes, signatures"},
    {Layout::kProposal, "proposal", "header table, sessions, decision points, numbered sections, signatures"},
    {Layout::kMinutes, "minutes", "meeting, attendance, quorum, agenda items (IDs by agenda-item-id), closing"},
    {Layout::kAnnex, "annex", "title, action fields with goals, measure rows (src/structure/annex.cc)"},
};
// The layout called `name`, or nullptr.
const LayoutName* FindLayout(std::string_view name);
std::string_view NameOf(Layout layout);

// ---- <references> -------------------------------------------------------------

namespace date {
inline constexpr Group kDay{"d", Type::kCount, "day of the month", true, &numbers::kDay};
inline constexpr Group kMonth{"m", Type::kCount, "month", true, &numbers::kMonth};
inline constexpr Group kYear{"y", Type::kCount, "year, two or four digits", true, &numbers::kYear};
inline constexpr Group kGroups[] = {kDay, kMonth, kYear};
}  // namespace date
inline constexpr Match kDate{Section::kReferences, "date",
                             "references/extract.cc, structure/toolkit.cc, identify/identify.cc",
                             "how a date is written (searched); a reference rule's groups d, m, y date the "
                             "document whose own number it reads",
                             date::kGroups};

namespace measure_row {
inline constexpr Group kN{"n", Type::kText, "the measure's key (\"3.1\")", true};
inline constexpr Group kGroups[] = {kN};
}  // namespace measure_row
inline constexpr Match kMeasureRow{Section::kReferences, "measure-row", "structure/annex.cc",
                                   "first cell of a measure table row (whole cell)", measure_row::kGroups};

// ---- <structure>: shared ------------------------------------------------------

namespace clock_time {
inline constexpr Group kHour{"h", Type::kCount, "hour", true, &numbers::kHour};
inline constexpr Group kMinute{"m", Type::kCount, "minute; absent: 00", false, &numbers::kMinute};
inline constexpr Group kGroups[] = {kHour, kMinute};
}  // namespace clock_time
inline constexpr Match kClockTime{Section::kStructure, "clock-time", "structure/toolkit.cc",
                                  "a time of day (whole text): every group of type time", clock_time::kGroups};

inline constexpr Match kPersonHonorific{Section::kStructure, "person-honorific", "structure/toolkit.cc",
                                        "a word before a name that is dropped (\"Frau\"; prefix, whole words)"};
inline constexpr Match kPersonTitle{Section::kStructure, "person-title", "structure/toolkit.cc",
                                    "an academic title before a name (\"Dr.\"; prefix, whole words)"};
inline constexpr Match kPersonRole{Section::kStructure, "person-role", "structure/toolkit.cc",
                                   "a role word before a name (\"Stadträtin\"; prefix, whole words)"};

namespace title_line {
inline constexpr Group kTitle{"title", Type::kText, "the title", true};
inline constexpr Group kGroups[] = {kTitle};
}  // namespace title_line
inline constexpr Match kTitleLine{Section::kStructure, "title-line", "structure/structure.cc",
                                  "a line near the top that states the title (\"Thema: …\")", title_line::kGroups};

// ---- <structure>: papers (answer, request, decision, proposal) ----------------

// Header-table labels: a cell that matches one is a label; the rows below
// hold its values. Whole cell.
inline constexpr Match kLabelSubject{Section::kStructure, "label-subject", "structure/papers.cc",
                                     "label of the paper answered (answer: subject-cell)"};
inline constexpr Match kLabelOriginator{Section::kStructure, "label-originator", "structure/papers.cc",
                                        "label of the office that wrote it"};
inline constexpr Match kLabelSubmitter{Section::kStructure, "label-submitter", "structure/papers.cc",
                                       "label of the submitters"};
inline constexpr Match kLabelAddressee{Section::kStructure, "label-addressee", "structure/papers.cc",
                                       "label of the addressee"};
inline constexpr Match kLabelTitle{Section::kStructure, "label-title", "structure/papers.cc",
                                   "label of the title (Kurztitel)"};
inline constexpr Match kLabelDistribution{Section::kStructure, "label-distribution", "structure/papers.cc",
                                          "label of the distribution list"};
inline constexpr Match kLabelDistributionDate{Section::kStructure, "label-distribution-date", "structure/papers.cc",
                                              "label of the distribution date"};
inline constexpr Match kLabelBody{Section::kStructure, "label-body", "structure/papers.cc",
                                  "label of the council body of a session"};
inline constexpr Match kLabelSessionDate{Section::kStructure, "label-session-date", "structure/papers.cc",
                                         "label of a session's date"};
inline constexpr Match kLabelSession{Section::kStructure, "label-session", "structure/papers.cc",
                                     "label of a session's number"};
inline constexpr Match kLabelItem{Section::kStructure, "label-item", "structure/papers.cc", "label of the agenda item"};
inline constexpr Match kLabelPublic{Section::kStructure, "label-public", "structure/papers.cc",
                                    "label of public / not public (value: public)"};
inline constexpr Match kLabelPaper{Section::kStructure, "label-paper", "structure/papers.cc",
                                   "label of the paper's number (marks a label row only)"};
inline constexpr Match kLabelDate{Section::kStructure, "label-date", "structure/papers.cc",
                                  "label of the paper's date (marks a label row only)"};
inline constexpr Match kLabelOther{Section::kStructure, "label-other", "structure/papers.cc",
                                   "any other label (marks a label row only)"};
// Every label, for "is this cell a label".
inline constexpr const Match* kLabels[] = {
    &kLabelSubject,      &kLabelOriginator,       &kLabelSubmitter, &kLabelAddressee,   &kLabelTitle,
    &kLabelDistribution, &kLabelDistributionDate, &kLabelBody,      &kLabelSessionDate, &kLabelSession,
    &kLabelItem,         &kLabelPublic,           &kLabelPaper,     &kLabelDate,        &kLabelOther};

namespace subject_cell {
inline constexpr Group kPerson{"person", Type::kText, "the person who asked"};
inline constexpr Group kGroup{"group", Type::kText, "the person's Fraktion"};
inline constexpr Group kPaper{"paper", Type::kText, "the paper answered (read by <references>, not here)"};
inline constexpr Group kGroups[] = {kPerson, kGroup, kPaper};
}  // namespace subject_cell
inline constexpr Match kSubjectCell{Section::kStructure, "subject-cell", "structure/papers.cc",
                                    "the cell under label-subject (whole)", subject_cell::kGroups};
inline constexpr Match kGroupLine{Section::kStructure, "group", "structure/papers.cc",
                                  "a Fraktion (whole line or cell)"};
namespace public_cell {
inline constexpr Group kNot{"not", Type::kText, "takes part: not public"};
inline constexpr Group kNo{"no", Type::kText, "takes part: not public"};
inline constexpr Group kYes{"yes", Type::kText, "takes part: public (any match without not/no is public)"};
inline constexpr Group kGroups[] = {kNot, kNo, kYes};
}  // namespace public_cell
inline constexpr Match kPublic{Section::kStructure, "public", "structure/papers.cc", "public / not public (whole cell)",
                               public_cell::kGroups};
namespace numbered_item {
inline constexpr Group kN{"n", Type::kText, "the number as written; items count 1, 2, … in order", true};
inline constexpr Group kText{"text", Type::kText, "the item's first line without its number", true};
inline constexpr Group kGroups[] = {kN, kText};
}  // namespace numbered_item
inline constexpr Match kNumberedItem{Section::kStructure, "numbered-item", "structure/papers.cc",
                                     "a numbered question, proposal or decision point (whole line)",
                                     numbered_item::kGroups};
inline constexpr std::string_view kNeedsNumberedItem[] = {"numbered-item"};
inline constexpr Match kQuestionsIntro{Section::kStructure,
                                       "questions-intro",
                                       "structure/papers.cc",
                                       "the line after which numbered items start (whole line)",
                                       {},
                                       kNeedsNumberedItem};
inline constexpr Match kQuestionsEnd{Section::kStructure, "questions-end", "structure/papers.cc",
                                     "a line that ends the numbered items or sections (whole line)"};
namespace vote_subject {
inline constexpr Group kSubject{"subject", Type::kText, "what was voted on"};
inline constexpr Group kResult{"result", Type::kText, "the result as written"};
inline constexpr Group kGroups[] = {kSubject, kResult};
}  // namespace vote_subject
inline constexpr Match kVoteSubject{Section::kStructure, "vote-subject", "structure/papers.cc",
                                    "the line above a vote's counts (whole line)", vote_subject::kGroups};
namespace vote_counts {
inline constexpr Group kYes{"yes", Type::kCount, "votes for", false, &numbers::kVoteCount, "vote count (yes)"};
inline constexpr Group kNo{"no", Type::kCount, "votes against", false, &numbers::kVoteCount, "vote count (no)"};
inline constexpr Group kAbstentions{"abstentions", Type::kCount,         "abstentions",
                                    false,         &numbers::kVoteCount, "vote count (abstentions)"};
inline constexpr Group kGroups[] = {kYes, kNo, kAbstentions};
}  // namespace vote_counts
inline constexpr std::string_view kNeedsVoteSubject[] = {"vote-subject"};
inline constexpr Match kVoteCounts{
    Section::kStructure,   "vote-counts",
    "structure/papers.cc", "a vote's counts, on the line below its vote-subject (whole line)",
    vote_counts::kGroups,  kNeedsVoteSubject};
inline constexpr Match kSectionsStart{Section::kStructure, "sections-start", "structure/papers.cc",
                                      "the line after which numbered sections start (whole line)"};
namespace section_heading {
inline constexpr Group kN{"n", Type::kText, "the number as written; sections count 1, 2, … in order", true};
inline constexpr Group kTitle{"title", Type::kText, "the section's title"};
inline constexpr Group kGroups[] = {kN, kTitle};
}  // namespace section_heading
inline constexpr std::string_view kNeedsSectionsStart[] = {"sections-start"};
inline constexpr Match kSectionHeading{
    Section::kStructure,      "section-heading",
    "structure/papers.cc",    "a numbered section heading after sections-start (whole line)",
    section_heading::kGroups, kNeedsSectionsStart};
inline constexpr Match kSignatureName{Section::kStructure, "signature-name", "structure/papers.cc",
                                      "a signature's name line (whole line)"};
inline constexpr std::string_view kNeedsSignatureName[] = {"signature-name"};
inline constexpr Match kSignatureRole{Section::kStructure,
                                      "signature-role",
                                      "structure/papers.cc",
                                      "a role line under a signature's name (\"Stadträtin, Fraktion …\")",
                                      {},
                                      kNeedsSignatureName};

// ---- <structure>: minutes ------------------------------------------------------

namespace minutes_title {
inline constexpr Group kBody{"body", Type::kText, "the council body (through the rewrite list nominative)"};
inline constexpr Group kNumber{"number", Type::kText, "the session's number"};
inline constexpr Group kPublic{"public", Type::kText, "takes part: the title says public or not"};
inline constexpr Group kPrivate{"private", Type::kText, "takes part: not public"};
inline constexpr Group kDate{"date", Type::kDate, "the meeting's date", false, nullptr, "meeting date"};
inline constexpr Group kStart{"start", Type::kTime, "start time", false, nullptr, "start time"};
inline constexpr Group kEnd{"end", Type::kTime, "end time", false, nullptr, "end time"};
inline constexpr Group kLocation{"location", Type::kText, "where it met"};
inline constexpr Group kGroups[] = {kBody, kNumber,   kPublic,    kPrivate,     kDate,      kStart,
                                    kEnd,  kLocation, date::kDay, date::kMonth, date::kYear};
}  // namespace minutes_title
inline constexpr Match kMinutesTitle{Section::kStructure, "minutes-title", "structure/minutes.cc",
                                     "the title of minutes, over up to three lines (whole; d, m, y: of its date)",
                                     minutes_title::kGroups};
inline constexpr Match kMinutesColumnName{Section::kStructure, "minutes-column-name", "structure/minutes.cc",
                                          "the name column's label of an attendance table (whole cell)"};
inline constexpr std::string_view kNeedsColumnName[] = {"minutes-column-name"};
inline constexpr Match kMinutesColumnAttendance{Section::kStructure,
                                                "minutes-column-attendance",
                                                "structure/minutes.cc",
                                                "the attendance column's label (whole cell)",
                                                {},
                                                kNeedsColumnName};
namespace minutes_name_cell {
inline constexpr Group kName{"name", Type::kText, "the name without what surrounds it", true};
inline constexpr Group kGroups[] = {kName};
}  // namespace minutes_name_cell
inline constexpr Match kMinutesNameCell{Section::kStructure, "minutes-name-cell", "structure/minutes.cc",
                                        "a name cell to clean (whole cell)", minutes_name_cell::kGroups};
inline constexpr Match kMinutesPresent{Section::kStructure, "minutes-present", "structure/minutes.cc",
                                       "an attendance word meaning present (whole)"};
inline constexpr Match kMinutesExcused{Section::kStructure, "minutes-excused", "structure/minutes.cc",
                                       "an attendance word meaning excused (whole)"};
namespace minutes_embedded_attendance {
inline constexpr Group kWord{"word", Type::kText, "the attendance word", true};
inline constexpr Group kBefore{"before", Type::kText, "the name before it"};
inline constexpr Group kAfter{"after", Type::kText, "the name after it"};
inline constexpr Group kGroups[] = {kWord, kBefore, kAfter};
}  // namespace minutes_embedded_attendance
inline constexpr Match kMinutesEmbeddedAttendance{
    Section::kStructure, "minutes-embedded-attendance", "structure/minutes.cc",
    "a name cell with its attendance word inside (whole)", minutes_embedded_attendance::kGroups};
namespace minutes_substitution {
inline constexpr Group kPerson{"person", Type::kText, "who attended", true};
inline constexpr Group kFor{"for", Type::kText, "whom they stood in for", true};
inline constexpr Group kGroups[] = {kPerson, kFor};
}  // namespace minutes_substitution
inline constexpr Match kMinutesSubstitution{Section::kStructure, "minutes-substitution", "structure/minutes.cc",
                                            "a name cell of a substitute (whole)", minutes_substitution::kGroups};
inline constexpr Match kMinutesNameList{Section::kStructure, "minutes-name-list", "structure/minutes.cc",
                                        "a cell of several names, two words each (whole)"};
namespace minutes_quorum {
inline constexpr Group kN{"n", Type::kCount, "voting members present", true, &numbers::kQuorum};
inline constexpr Group kGroups[] = {kN};
}  // namespace minutes_quorum
inline constexpr Match kMinutesQuorum{Section::kStructure, "minutes-quorum", "structure/minutes.cc",
                                      "the quorum statement (searched in the whole text)", minutes_quorum::kGroups};
// Both agenda-item patterns give the same groups.
namespace minutes_top {
inline constexpr Group kN{"n", Type::kCount, "the item's number", true, &numbers::kAgendaNumber};
inline constexpr Group kSub{"sub", Type::kCount, "a sub-item's number", false, &numbers::kAgendaNumber};
inline constexpr Group kName{"name", Type::kText, "the item's title; empty: the next line"};
inline constexpr Group kGroups[] = {kN, kSub, kName};
}  // namespace minutes_top
inline constexpr Match kMinutesTopLabelled{Section::kStructure, "minutes-top-labelled", "structure/minutes.cc",
                                           "an agenda item heading with its label (whole line; tried first)",
                                           minutes_top::kGroups};
inline constexpr Match kMinutesTopNumbered{Section::kStructure, "minutes-top-numbered", "structure/minutes.cc",
                                           "an agenda item heading by number alone (whole line)", minutes_top::kGroups};
namespace minutes_closing {
inline constexpr Group kTime{"time", Type::kTime, "when the meeting closed", false, nullptr, "closing time"};
inline constexpr Group kGroups[] = {kTime};
}  // namespace minutes_closing
inline constexpr Match kMinutesClosing{Section::kStructure, "minutes-closing", "structure/minutes.cc",
                                       "the closing line (whole line); ends the last agenda item",
                                       minutes_closing::kGroups};
namespace minutes_minute_taker {
inline constexpr Group kName{"name", Type::kText, "the minute-taker; empty: the next line"};
inline constexpr Group kGroups[] = {kName};
}  // namespace minutes_minute_taker
inline constexpr Match kMinutesMinuteTaker{Section::kStructure, "minutes-minute-taker", "structure/minutes.cc",
                                           "the minute-taker's line (whole line); ends the last agenda item",
                                           minutes_minute_taker::kGroups};

// ---- <structure>: annex ----------------------------------------------------------

namespace annex_title {
inline constexpr Group kTitle{"title", Type::kText, "the title", true};
inline constexpr Group kGroups[] = {kTitle};
}  // namespace annex_title
inline constexpr Match kAnnexHeading{Section::kStructure, "annex-heading", "structure/annex.cc",
                                     "the \"Anlage N zur …\" heading among the first lines (whole line); title: "
                                     "after its colon, empty: the next line",
                                     annex_title::kGroups};
inline constexpr Match kAnnexTitle{Section::kStructure, "annex-title", "structure/annex.cc",
                                   "the title without its quotes (whole)", annex_title::kGroups};
namespace annex_field {
inline constexpr Group kN{"n", Type::kText, "the field's number as written", true};
inline constexpr Group kTitle{"title", Type::kText, "the field's title"};
inline constexpr Group kGroups[] = {kN, kTitle};
}  // namespace annex_field
inline constexpr Match kAnnexField{Section::kStructure, "annex-field", "structure/annex.cc",
                                   "an action field heading (whole line)", annex_field::kGroups};
inline constexpr Match kAnnexFieldCross{Section::kStructure, "annex-field-cross", "structure/annex.cc",
                                        "the cross-cutting action field's heading (whole line)", annex_title::kGroups};
inline constexpr Match kAnnexGoals{Section::kStructure, "annex-goals", "structure/annex.cc",
                                   "the line that starts a field's goals (whole line)"};
inline constexpr Match kAnnexMeasures{Section::kStructure, "annex-measures", "structure/annex.cc",
                                      "the line that starts the measure table (whole line)"};
namespace annex_goal {
inline constexpr Group kText{"text", Type::kText, "the goal", true};
inline constexpr Group kGroups[] = {kText};
}  // namespace annex_goal
inline constexpr std::string_view kNeedsAnnexGoals[] = {"annex-goals"};
inline constexpr Match kAnnexGoal{Section::kStructure,  "annex-goal",
                                  "structure/annex.cc", "a bulleted goal after annex-goals (whole line)",
                                  annex_goal::kGroups,  kNeedsAnnexGoals};
inline constexpr std::string_view kNeedsAnnexGoal[] = {"annex-goal"};
inline constexpr Match kAnnexGoalContinuation{Section::kStructure,
                                              "annex-goal-continuation",
                                              "structure/annex.cc",
                                              "a line that continues the goal above it (whole line)",
                                              {},
                                              kNeedsAnnexGoal};
inline constexpr Match kAnnexColumnText{Section::kStructure, "annex-column-text", "structure/annex.cc",
                                        "the measure text column's label (whole cell)"};
inline constexpr Match kAnnexColumnResponsible{Section::kStructure, "annex-column-responsible", "structure/annex.cc",
                                               "the responsible column's label (whole cell)"};
namespace annex_measure_key {
inline constexpr Group kField{"field", Type::kText, "the action field's number in a measure key", true};
inline constexpr Group kItem{"item", Type::kText, "the measure's number within its field"};
inline constexpr Group kGroups[] = {kField, kItem};
}  // namespace annex_measure_key
inline constexpr Match kAnnexMeasureKey{Section::kStructure, "annex-measure-key", "structure/annex.cc",
                                        "a measure key (whole): numbers the cross-cutting field",
                                        annex_measure_key::kGroups};
namespace annex_lead {
inline constexpr Group kBefore{"before", Type::kText, "the units before the lead marker"};
inline constexpr Group kAfter{"after", Type::kText, "the units after the lead marker"};
inline constexpr Group kGroups[] = {kBefore, kAfter};
}  // namespace annex_lead
inline constexpr Match kAnnexLead{Section::kStructure, "annex-lead", "structure/annex.cc",
                                  "a responsible cell with a lead marker (\"federführend:\"; whole)",
                                  annex_lead::kGroups};
namespace annex_broken_word {
inline constexpr Group kHyphen{"hyphen", Type::kText, "the hyphen and space to remove"};
inline constexpr Group kTail{"tail", Type::kText, "the word after it (kept apart when annex-suspended)"};
inline constexpr Group kGroups[] = {kHyphen, kTail};
}  // namespace annex_broken_word
inline constexpr Match kAnnexBrokenWord{Section::kStructure, "annex-broken-word", "structure/annex.cc",
                                        "a word broken at a line end (searched)", annex_broken_word::kGroups};
inline constexpr Match kAnnexSuspended{Section::kStructure, "annex-suspended", "structure/annex.cc",
                                       "a word that keeps the hyphen before it (\"und\"; whole)"};
inline constexpr Match kAnnexUnitName{Section::kStructure, "annex-unit-name", "structure/annex.cc",
                                      "a unit name that contains a separator (searched; kept whole)"};
namespace annex_unit_separator {
inline constexpr Group kComma{"comma", Type::kText, "a separator"};
inline constexpr Group kSlash{"slash", Type::kText, "a separator"};
inline constexpr Group kList{"list", Type::kText, "a separator"};
inline constexpr Group kGroup{"group", Type::kText, "a separator that ends the lead units (\";\")"};
inline constexpr Group kPartner{"partner", Type::kText, "a separator that ends the lead units (a partner)"};
inline constexpr Group kGroups[] = {kComma, kSlash, kList, kGroup, kPartner};
}  // namespace annex_unit_separator
inline constexpr Match kAnnexUnitSeparator{Section::kStructure, "annex-unit-separator", "structure/annex.cc",
                                           "what separates responsible units (searched; the first group that "
                                           "takes part is the separator)",
                                           annex_unit_separator::kGroups};
namespace annex_unit_name_group {
inline constexpr Group kName{"name", Type::kText, "the unit's name", true};
inline constexpr Group kGroups[] = {kName};
}  // namespace annex_unit_name_group
inline constexpr Match kAnnexUnitEtc{Section::kStructure, "annex-unit-etc", "structure/annex.cc",
                                     "a unit with a trailing \"etc.\" (whole)", annex_unit_name_group::kGroups};
inline constexpr Match kAnnexUnitArticle{Section::kStructure, "annex-unit-article", "structure/annex.cc",
                                         "a unit with a leading article (whole)", annex_unit_name_group::kGroups};
namespace annex_unit_owner {
inline constexpr Group kOwner{"owner", Type::kText, "the city or body before the unit", true};
inline constexpr Group kRest{"rest", Type::kText, "the unit", true};
inline constexpr Group kGroups[] = {kOwner, kRest};
}  // namespace annex_unit_owner
inline constexpr Match kAnnexUnitOwner{Section::kStructure, "annex-unit-owner", "structure/annex.cc",
                                       "a unit preceded by its owner (whole)", annex_unit_owner::kGroups};
inline constexpr Match kAnnexUnitRemark{Section::kStructure, "annex-unit-remark", "structure/annex.cc",
                                        "a remark that joins the unit before it (whole)"};
inline constexpr Match kAnnexUnitWord{Section::kStructure, "annex-unit-word", "structure/annex.cc",
                                      "what a unit name must look like (whole; else it is dropped)"};

// ---- <structure>: programme ---------------------------------------------------------

namespace programme_item {
inline constexpr Group kTime{"time", Type::kTime, "the item's time", true, nullptr, "time of the programme item"};
inline constexpr Group kText{"text", Type::kText, "the item's text", true};
inline constexpr Group kGroups[] = {kTime, kText};
}  // namespace programme_item
inline constexpr Match kProgrammeItem{Section::kStructure, "programme-item", "structure/programme.cc",
                                      "a timed programme line (whole line)", programme_item::kGroups};
inline constexpr std::string_view kNeedsProgrammeItem[] = {"programme-item"};
inline constexpr Match kProgrammeContinuation{Section::kStructure,
                                              "programme-continuation",
                                              "structure/programme.cc",
                                              "a line that continues the programme item above (whole line)",
                                              {},
                                              kNeedsProgrammeItem};
namespace programme_speaker {
inline constexpr Group kName{"name", Type::kText, "the item's title", true};
inline constexpr Group kSpeaker{"speaker", Type::kText, "who speaks", true};
inline constexpr Group kGroups[] = {kName, kSpeaker};
}  // namespace programme_speaker
inline constexpr Match kProgrammeSpeaker{
    Section::kStructure,        "programme-speaker",
    "structure/programme.cc",   "an item's text split into title and speaker (whole)",
    programme_speaker::kGroups, kNeedsProgrammeItem};

// Every match, in the order --describe prints them.
inline constexpr const Match* kMatches[] = {
    &kDate,
    &kMeasureRow,
    &kClockTime,
    &kPersonHonorific,
    &kPersonTitle,
    &kPersonRole,
    &kTitleLine,
    &kLabelSubject,
    &kLabelOriginator,
    &kLabelSubmitter,
    &kLabelAddressee,
    &kLabelTitle,
    &kLabelDistribution,
    &kLabelDistributionDate,
    &kLabelBody,
    &kLabelSessionDate,
    &kLabelSession,
    &kLabelItem,
    &kLabelPublic,
    &kLabelPaper,
    &kLabelDate,
    &kLabelOther,
    &kSubjectCell,
    &kGroupLine,
    &kPublic,
    &kNumberedItem,
    &kQuestionsIntro,
    &kQuestionsEnd,
    &kVoteSubject,
    &kVoteCounts,
    &kSectionsStart,
    &kSectionHeading,
    &kSignatureName,
    &kSignatureRole,
    &kMinutesTitle,
    &kMinutesColumnName,
    &kMinutesColumnAttendance,
    &kMinutesNameCell,
    &kMinutesPresent,
    &kMinutesExcused,
    &kMinutesEmbeddedAttendance,
    &kMinutesSubstitution,
    &kMinutesNameList,
    &kMinutesQuorum,
    &kMinutesTopLabelled,
    &kMinutesTopNumbered,
    &kMinutesClosing,
    &kMinutesMinuteTaker,
    &kAnnexHeading,
    &kAnnexTitle,
    &kAnnexField,
    &kAnnexFieldCross,
    &kAnnexGoals,
    &kAnnexMeasures,
    &kAnnexGoal,
    &kAnnexGoalContinuation,
    &kAnnexColumnText,
    &kAnnexColumnResponsible,
    &kAnnexMeasureKey,
    &kAnnexLead,
    &kAnnexBrokenWord,
    &kAnnexSuspended,
    &kAnnexUnitName,
    &kAnnexUnitSeparator,
    &kAnnexUnitEtc,
    &kAnnexUnitArticle,
    &kAnnexUnitOwner,
    &kAnnexUnitRemark,
    &kAnnexUnitWord,
    &kProgrammeItem,
    &kProgrammeContinuation,
    &kProgrammeSpeaker,
};

// ---- <structure>: texts and rewrite lists -----------------------------------------

inline constexpr Text kAnnexNoSharedNumber{"annex-no-shared-number", "structure/annex.cc",
                                           "the number of a cross-cutting action field whose measures share no "
                                           "field number; absent: empty"};
inline constexpr const Text* kTexts[] = {&kAnnexNoSharedNumber};

// Rewrite lists C++ applies by name (templates may use any other list).
inline constexpr Text kNominative{"nominative", "structure/minutes.cc",
                                  "a body's name as the subject of a sentence (the minutes' body)"};
inline constexpr Text kFileName{"file-name", "identify/identify.cc",
                                "a file's name (no folder, no extension) as text the reference grammar reads: "
                                "the own number when the text shows none; every match of each step is replaced"};
inline constexpr const Text* kRewriteLists[] = {&kNominative, &kFileName};

// ---- Templates and relations ------------------------------------------------------------

// The fields ratsdoc fills in an ID template (grammars/README.md, templates),
// besides a reference rule's own groups.
namespace template_field {
inline constexpr std::string_view kDocument = "document";      // the citing document's ID
inline constexpr std::string_view kNumber = "number";          // a unit's number
inline constexpr std::string_view kPaper = "paper";            // a paper's ID
inline constexpr std::string_view kAttachment = "attachment";  // an attachment's number, or its full ID
inline constexpr std::string_view kMeasure = "measure";        // a measure's number
inline constexpr std::string_view kItem = "item";              // one item of a <list>
}  // namespace template_field

// An ID template given as an attribute of a section.
struct IdTemplate {
  std::string_view attribute;  // "question-id"
  std::string_view element;    // the section it stands on: "structure"
  std::string_view reader;
  std::string_view meaning;
  std::span<const std::string_view> fields;  // the only fields it may use
};
inline constexpr std::string_view kUnitIdFields[] = {template_field::kDocument, template_field::kNumber};
inline constexpr std::string_view kAttachmentIdFields[] = {template_field::kPaper, template_field::kAttachment};
inline constexpr std::string_view kMeasureIdFields[] = {template_field::kAttachment, template_field::kMeasure};
inline constexpr IdTemplate kQuestionId{"question-id", "structure", "structure/structure.cc",
                                        "a question's ID; absent: {document}#frage{number}", kUnitIdFields};
inline constexpr IdTemplate kAgendaItemId{"agenda-item-id", "structure", "structure/structure.cc",
                                          "an agenda item's ID; absent: {document}#tagesordnungspunkt{number}",
                                          kUnitIdFields};
inline constexpr IdTemplate kAttachmentId{"attachment-id", "references", "references/extract.cc",
                                          "an attachment's ID; absent: {paper}/{attachment}", kAttachmentIdFields};
inline constexpr IdTemplate kMeasureId{"measure-id", "references", "references/extract.cc",
                                       "a measure's ID ({attachment}: the attachment's ID); absent: "
                                       "{attachment}#{measure}",
                                       kMeasureIdFields};
inline constexpr const IdTemplate* kIdTemplates[] = {&kQuestionId, &kAgendaItemId, &kAttachmentId, &kMeasureId};

// The relations a <relation name="…"> may name.
struct RelationName {
  std::string_view name;
  std::string_view meaning;
};
inline constexpr std::string_view kSelfRelation = "self";
inline constexpr RelationName kRelations[] = {
    {kSelfRelation, "the document's own number"},
    {"cites", "mentions the target: the relation of a reference no other relation takes"},
    {"answers", "answers the target"},
    {"attachment-of", "is an attachment of the target"},
    {"decides", "decides on the target"},
    {"approves", "approves the target"},
};

// ---- <identity> ------------------------------------------------------------------------

// The <field name>s of <identity>, read by src/identify/identify.cc: the own
// number, the paper's date, its title, body, item, responsible office,
// addressee, sender, subject (the paper answered, decided or amended), and
// "other": a label whose value no field keeps (read so that its value is not
// taken for another's).
inline constexpr const char* kFieldNumber = "number";
inline constexpr const char* kFieldDate = "date";
inline constexpr const char* kFieldTitle = "title";
inline constexpr const char* kFieldSubject = "subject";
inline constexpr const char* kFieldOther = "other";
inline constexpr const char* kIdentityFields[] = {kFieldNumber, kFieldDate, kFieldTitle, "body",        "item",
                                                  "responsible", "addressee", "sender",   kFieldSubject, kFieldOther};

// ---- <oparl> -------------------------------------------------------------------------

// The roles a <file-role role="…"> may name (src/oparl/join.cc), and the
// groups its pattern may have. A File's name is matched whole, first rule first.
struct FileRoleSpec {
  std::string_view name;  // as FileRoleName (metadata.h) writes it
  std::string_view meaning;
};
inline constexpr FileRoleSpec kFileRoles[] = {
    {"main", "the paper itself: the document takes the paper's ID, kind, date and title"},
    {"attachment", "an Anlage: the attachment's ID (group `n`, its number), `attachment-of` the paper"},
    {"statement", "the Stellungnahme filed under the paper's number: the paper's ID, the kind of layout answer"},
    {"minutes", "a minutes extract: the ID of the meeting it is of (agenda item by group `item`, day by `d`, `m`, `y`)"},
    {"other", "anything else: the paper's ID, kind of its text"},
};
namespace file_role {
inline constexpr Group kNumber{"n", Type::kText, "an attachment's number (\"2\")"};
inline constexpr Group kItem{"item", Type::kText, "the agenda item (TOP) the extract is of"};
inline constexpr Group kDay{"d", Type::kCount, "day of the meeting", false, &numbers::kDay};
inline constexpr Group kMonth{"m", Type::kCount, "month of the meeting", false, &numbers::kMonth};
inline constexpr Group kYear{"y", Type::kCount, "year of the meeting", false, &numbers::kYear};
inline constexpr Group kGroups[] = {kNumber, kItem, kDay, kMonth, kYear};
}  // namespace file_role

// ---- Look-up and description ---------------------------------------------------------

// The <structure> match called `name`, or nullptr.
const Match* FindMatch(std::string_view name);
// The <text> called `name`, or nullptr.
const Text* FindText(std::string_view name);
// The relation called `name`, or nullptr.
const RelationName* FindRelation(std::string_view name);
// The group of `match` called `name`, or nullptr.
const Group* FindGroup(const Match& match, std::string_view name);

// Of `known`, the name closest to `name` by edit distance, for a "did you
// mean" hint; "" when none is close (more than a third of the name differs).
std::string ClosestName(std::string_view name, std::span<const std::string_view> known);

// The contract as Markdown: every layout, match (with reader, meaning, groups
// and their types), text and rewrite list. With `rules`, a column says which
// of them that grammar defines; with nullptr it is the text grammars/README.md
// holds between its contract markers.
std::string Describe(const Rules* rules);

}  // namespace ratsdoc::grammar::schema
