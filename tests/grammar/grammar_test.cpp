#include "ratsdoc/grammar.h"

#include <filesystem>
#include <fstream>

#include "grammar/rules.h"
#include "ratsdoc/references.h"
#include "test_support.h"

namespace ratsdoc {
namespace {

namespace fs = std::filesystem;

class GrammarFileTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("ratsdoc-grammar-" + std::to_string(::getpid()));
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }

  std::string Write(const std::string& name, const std::string& content) {
    const fs::path path = dir_ / name;
    std::ofstream(path) << content;
    return path.string();
  }

  fs::path dir_;
};

TEST(GrammarTest, MagdeburgLoadsWithItsLayoutRules) {
  const Grammar& grammar = testing::Magdeburg();
  EXPECT_EQ(grammar.name(), "magdeburg");
  EXPECT_EQ(grammar.fingerprint().size(), 64u);
  const grammar::Rules& rules = grammar.rules();
  ASSERT_FALSE(rules.furniture.empty());
  bool has_seite = false;
  for (const grammar::FurnitureRule& rule : rules.furniture) {
    has_seite = has_seite || rule.name == "seite-n-von-m";
    EXPECT_TRUE(rule.line->ok()) << rule.name;
  }
  EXPECT_TRUE(has_seite);
  EXPECT_NE(std::find(rules.suspension_words.begin(), rules.suspension_words.end(), "und"),
            rules.suspension_words.end());
}

TEST(GrammarTest, BuiltinNamesListTopLevelGrammarsOnly) {
  const std::vector<std::string> names = Grammar::BuiltinNames();
  EXPECT_NE(std::find(names.begin(), names.end(), "magdeburg"), names.end());
  EXPECT_EQ(std::find(names.begin(), names.end(), "layout"), names.end());  // de/layout.xml is a part
}

TEST(GrammarTest, UnknownNameSaysWhatIsBuiltIn) {
  std::shared_ptr<const Grammar> grammar;
  const Status status = Grammar::Load("atlantis", &grammar);
  EXPECT_EQ(status.code(), ErrorCode::kInvalidGrammar);
  EXPECT_NE(status.message().find("atlantis"), std::string::npos);
  EXPECT_NE(status.message().find("magdeburg"), std::string::npos);
  EXPECT_EQ(grammar, nullptr);
}

TEST_F(GrammarFileTest, PatternErrorNamesFileLineRuleAndRe2Text) {
  const std::string path = Write("broken.xml", R"(<?xml version="1.0"?>
<grammar name="broken">
  <page-furniture>
    <rule name="unclosed">
      <pattern>Seite (\d+</pattern>
    </rule>
  </page-furniture>
</grammar>
)");
  std::shared_ptr<const Grammar> grammar;
  const Status status = Grammar::Load(path, &grammar);
  ASSERT_EQ(status.code(), ErrorCode::kInvalidGrammar);
  EXPECT_NE(status.message().find(path + ":5"), std::string::npos) << status.message();
  EXPECT_NE(status.message().find("rule 'unclosed'"), std::string::npos) << status.message();
  EXPECT_NE(status.message().find("missing )"), std::string::npos) << status.message();  // RE2's own words
}

TEST_F(GrammarFileTest, ASecondEnumerationIsRefused) {
  // Its examples are checked like every rule's (RuleThatMissesItsOwnExampleIsRefused).
  const std::string path = Write("twice.xml", R"(<?xml version="1.0"?>
<grammar name="twice">
  <page-furniture>
    <enumeration><pattern>\d+\.</pattern></enumeration>
    <enumeration><pattern>TOP \d+</pattern></enumeration>
  </page-furniture>
</grammar>
)");
  std::shared_ptr<const Grammar> grammar;
  const Status status = Grammar::Load(path, &grammar);
  ASSERT_EQ(status.code(), ErrorCode::kInvalidGrammar);
  EXPECT_NE(status.message().find(path + ":5"), std::string::npos) << status.message();
  EXPECT_NE(status.message().find("one <enumeration>"), std::string::npos) << status.message();
  EXPECT_EQ(grammar, nullptr);
}

TEST_F(GrammarFileTest, PatternBeyondRe2sMemoryBudgetIsRefusedAtLoad) {
  // Linear-time matching, but a program far beyond RE2's budget: 20 × 1000
  // copies of the class of all letters.
  std::string pattern;
  for (int i = 0; i < 20; ++i) pattern += "\\pL{1000}";
  const std::string path = Write("huge.xml", R"(<?xml version="1.0"?>
<grammar name="huge">
  <page-furniture>
    <rule name="enormous">
      <pattern>)" + pattern + R"(</pattern>
    </rule>
  </page-furniture>
</grammar>
)");
  std::shared_ptr<const Grammar> grammar;
  const Status status = Grammar::Load(path, &grammar);
  ASSERT_EQ(status.code(), ErrorCode::kInvalidGrammar);
  EXPECT_NE(status.message().find("rule 'enormous'"), std::string::npos) << status.message();
  EXPECT_NE(status.message().find("memory budget of 8 MiB"), std::string::npos) << status.message();
  EXPECT_EQ(grammar, nullptr);
}

TEST_F(GrammarFileTest, RuleThatMissesItsOwnExampleIsRefused) {
  const std::string path = Write("example.xml", R"(<grammar name="x"><page-furniture>
<rule name="seite"><pattern>Seite \d+</pattern><example>Page 3</example></rule>
</page-furniture></grammar>)");
  std::shared_ptr<const Grammar> grammar;
  const Status status = Grammar::Load(path, &grammar);
  ASSERT_EQ(status.code(), ErrorCode::kInvalidGrammar);
  EXPECT_NE(status.message().find("does not match its example \"Page 3\""), std::string::npos) << status.message();
}

TEST_F(GrammarFileTest, RuleThatMatchesItsCounterexampleIsRefused) {
  const std::string path = Write("counter.xml", R"(<grammar name="x"><page-furniture>
<rule name="number"><pattern>\d+</pattern><counterexample>2023</counterexample></rule>
</page-furniture></grammar>)");
  std::shared_ptr<const Grammar> grammar;
  EXPECT_EQ(Grammar::Load(path, &grammar).code(), ErrorCode::kInvalidGrammar);
}

TEST_F(GrammarFileTest, MalformedXmlReportsLine) {
  const std::string path = Write("bad.xml", "<grammar name=\"x\">\n<page-furniture>\n</grammar>\n");
  std::shared_ptr<const Grammar> grammar;
  const Status status = Grammar::Load(path, &grammar);
  ASSERT_EQ(status.code(), ErrorCode::kInvalidGrammar);
  EXPECT_NE(status.message().find("not well-formed"), std::string::npos) << status.message();
}

TEST_F(GrammarFileTest, DiskGrammarIncludesBuiltinPartAndUnknownElementsAreErrors) {
  const std::string good = Write("city.xml", R"(<grammar name="city"><include href="de/layout.xml"/></grammar>)");
  std::shared_ptr<const Grammar> grammar;
  ASSERT_TRUE(Grammar::Load(good, &grammar).ok());
  EXPECT_EQ(grammar->name(), "city");
  EXPECT_FALSE(grammar->rules().furniture.empty());

  const std::string typo = Write("typo.xml", R"(<grammar name="city"><page-furnture/></grammar>)");
  const Status status = Grammar::Load(typo, &grammar);
  EXPECT_EQ(status.code(), ErrorCode::kInvalidGrammar);
  EXPECT_NE(status.message().find("unknown element <page-furnture>"), std::string::npos);
}

}  // namespace
}  // namespace ratsdoc

namespace ratsdoc {
namespace {

class ReferenceGrammarTest : public GrammarFileTest {
 protected:
  // Loads a grammar whose <references> section is `rules`; returns the error message ("" when it loads).
  std::string LoadReferences(const std::string& rules) {
    const std::string path = Write("city.xml", "<?xml version=\"1.0\"?>\n<grammar name=\"city\">\n" + rules + "</grammar>\n");
    std::shared_ptr<const Grammar> grammar;
    const Status status = Grammar::Load(path, &grammar);
    loaded_ = grammar;
    return status.ok() ? "" : status.message();
  }
  std::shared_ptr<const Grammar> loaded_;
};

TEST_F(ReferenceGrammarTest, ReferenceRuleErrorNamesLineRuleAndRe2Text) {
  const std::string message = LoadReferences(R"(<references>
  <rule name="vorlage" kind="drucksache">
    <pattern>(?P&lt;year>\d{4}/(?P&lt;num>\d{4}</pattern>
    <id>{year}/{num}</id>
  </rule>
</references>
)");
  EXPECT_NE(message.find("city.xml:5: rule 'vorlage': pattern does not compile: missing )"), std::string::npos) << message;
}

TEST_F(ReferenceGrammarTest, TemplateMayOnlyUseGroupsOfItsPattern) {
  const std::string message = LoadReferences(R"(<references>
  <rule name="vorlage" kind="drucksache">
    <pattern>(?P&lt;year>\d{4})/(?P&lt;num>\d{4})</pattern>
    <id>{year}/{number:4}</id>
  </rule>
</references>
)");
  EXPECT_NE(message.find("rule 'vorlage': <id> uses {number}, which is not a named group of the pattern"), std::string::npos)
      << message;
}

TEST_F(ReferenceGrammarTest, UndefinedPieceAndUnknownCueAreErrors) {
  EXPECT_NE(LoadReferences(R"(<references><rule name="r" kind="drucksache"><pattern>{{nummer}}</pattern><id>x</id></rule></references>
)").find("pattern uses {{nummer}}, which is not defined"),
            std::string::npos);
  EXPECT_NE(LoadReferences(R"(<relations><relation name="answers"><near>zur</near></relation></relations>
)").find("unknown cue <near>"),
            std::string::npos);
  EXPECT_NE(LoadReferences(R"(<relations><relation name="mentions"><before>x$</before></relation></relations>
)").find("relation name must be one of"),
            std::string::npos);
}

TEST_F(ReferenceGrammarTest, ReferenceRuleMustMatchItsExamplesAndNotItsCounterexamples) {
  const std::string message = LoadReferences(R"(<define name="number">(?P&lt;year>20\d{2})/(?P&lt;num>\d{4})</define>
<references>
  <rule name="vorlage" kind="drucksache">
    <pattern>\b{{number}}\b</pattern>
    <id>{year}/{num}</id>
    <example>2024/0262</example>
    <counterexample>2024/2025</counterexample>
  </rule>
</references>
)");
  EXPECT_NE(message.find("rule 'vorlage': pattern matches its counterexample \"2024/2025\""), std::string::npos) << message;
}

TEST_F(ReferenceGrammarTest, NewCityNeedsOnlyAGrammarFile) {
  ASSERT_EQ(LoadReferences(R"(<include href="de/relations.xml"/>
<define name="number">(?P&lt;year>20\d{2})/(?P&lt;num>\d{1,4})</define>
<references>
  <rule name="vorlage" kind="drucksache">
    <pattern>\b{{number}}(?P&lt;suffix>(?:/\d{1,2})?)\b</pattern>
    <id>{year}/{num:4}{suffix}</id>
  </rule>
  <rule name="anlage" kind="anlage" part="attachment">
    <pattern>Anlage (?P&lt;n>\d)</pattern>
    <attachment>{n}</attachment>
  </rule>
</references>
)"),
            "");
  std::string id;
  ASSERT_TRUE(CanonicalizeTarget("Vorlage 2024/262/1", *loaded_, &id).ok());
  EXPECT_EQ(id, "2024/0262/1");
  // Without an attachment-id template an Anlage is "<paper>/<number>".
  const DocumentReferences found = ExtractReferences(testing::NormalizedBytes("Die Vorlage 2024/0262 hat die Anlage 2.\n"), *loaded_);
  ASSERT_EQ(found.references.size(), 2u);
  EXPECT_EQ(found.references[1].target, "2024/0262/2");
}

TEST(MagdeburgGrammarTest, EveryReferenceRuleIsInTheSet) {
  const grammar::Rules& rules = testing::Magdeburg().rules();
  ASSERT_NE(rules.reference_set, nullptr);
  std::vector<std::string> kinds;
  for (const grammar::ReferenceRule& rule : rules.references) kinds.push_back(rule.kind);
  for (const char* kind : {"drucksache", "antrag", "anfrage", "stellungnahme", "information", "beschluss",
                           "dienstanweisung", "sitzung", "anlage", "massnahme", "protokoll"}) {
    EXPECT_NE(std::find(kinds.begin(), kinds.end(), kind), kinds.end()) << kind;
  }
}

}  // namespace
}  // namespace ratsdoc

namespace ratsdoc {
namespace {

// The <structure> section: kind cues, named patterns, rewrite lists.
class StructureGrammarTest : public ReferenceGrammarTest {};

TEST_F(StructureGrammarTest, RewriteListIsCheckedAgainstItsOwnExamples) {
  const std::string message = LoadReferences(R"(<structure>
  <rewrite name="nominative">
    <pattern>^(\S*rat)es\b</pattern>
    <replace>\1</replace>
    <rewrites from="Stadtrates" to="Stadtrat"/>
    <rewrites from="Beirates" to="Beirates"/>
  </rewrite>
</structure>
)");
  EXPECT_NE(message.find("rule 'nominative': rewrites \"Beirates\" to \"Beirat\", not \"Beirates\""), std::string::npos)
      << message;
}

TEST_F(StructureGrammarTest, TemplateNamingAnUndefinedRewriteListIsRefused) {
  const std::string message = LoadReferences(R"(<references>
  <rule name="protokoll" kind="protokoll">
    <pattern>Protokoll des (?P&lt;body>\pL+)</pattern>
    <id>{body:text|genitiv}</id>
  </rule>
</references>
)");
  EXPECT_NE(message.find("rule 'protokoll': template uses the rewrite list 'genitiv'"), std::string::npos) << message;
}

TEST_F(StructureGrammarTest, KindNeedsACueAndMatchesAreNamedOnce) {
  EXPECT_NE(LoadReferences("<structure><kind name=\"anfrage\"/></structure>\n").find("a <kind> needs at least one <cue>"),
            std::string::npos);
  EXPECT_NE(LoadReferences("<structure><match name=\"group\"><pattern>a</pattern></match>"
                           "<match name=\"group\"><pattern>b</pattern></match></structure>\n")
                .find("<match> defined twice"),
            std::string::npos);
  EXPECT_NE(LoadReferences("<structure><match><pattern>a</pattern></match></structure>\n").find("needs a name"),
            std::string::npos);
  EXPECT_NE(LoadReferences("<structure><field name=\"x\"/></structure>\n").find("unknown element <field> in <structure>"),
            std::string::npos);
}

TEST_F(StructureGrammarTest, RewrittenBodyNameEntersTheMinutesId) {
  ASSERT_EQ(LoadReferences(R"(<structure>
  <rewrite name="nominative"><pattern>^(\S*rat)es\b</pattern><replace>\1</replace></rewrite>
</structure>
<references>
  <rule name="protokoll" kind="protokoll">
    <pattern>Protokoll des (?P&lt;body>\pL+) vom (?P&lt;date>\d{4}-\d\d-\d\d)</pattern>
    <id>{body:text|nominative}/{date}</id>
  </rule>
</references>
<relations><relation name="self"><line-start within-lines="1"/></relation></relations>
)"),
            "");
  const DocumentReferences found = ExtractReferences(testing::NormalizedBytes("Protokoll des Ortsrates vom 2024-01-02\n"), *loaded_);
  EXPECT_EQ(found.id, "Ortsrat/2024-01-02");
}

TEST(MagdeburgGrammarTest, BodyNamesOfMinutesAreInTheNominative) {
  const grammar::Rules& rules = testing::Magdeburg().rules();
  EXPECT_EQ(rules.Rewritten("nominative", "Beirates für Integration und Migration"), "Beirat für Integration und Migration");
  EXPECT_EQ(rules.Rewritten("nominative", "Gesundheits- und Sozialausschusses"), "Gesundheits- und Sozialausschuss");
  EXPECT_EQ(rules.Rewritten("nominative", "Stadtrat"), "Stadtrat");
}

}  // namespace
}  // namespace ratsdoc
