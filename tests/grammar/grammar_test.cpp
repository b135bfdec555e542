#include "ratsdoc/grammar.h"

#include <filesystem>
#include <fstream>

#include "grammar/rules.h"
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
