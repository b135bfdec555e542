// The grammar's contract (src/grammar/schema.h): names a grammar may define
// are the schema's, misspelt ones are refused with a hint, every shipped
// grammar keeps to it, and grammars/README.md prints it.
#include "grammar/schema.h"

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <regex>
#include <set>

#include "grammar/rules.h"
#include "ratsdoc/grammar.h"
#include "test_support.h"

namespace ratsdoc {
namespace {

namespace fs = std::filesystem;
namespace schema = grammar::schema;

class SchemaTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("ratsdoc-schema-" + std::to_string(::getpid()));
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }

  // Loads city.xml, a <grammar> whose children are `body` (starting on line
  // 3); returns the error message, "" when it loads.
  std::string Load(const std::string& body) {
    const fs::path path = dir_ / "city.xml";
    std::ofstream(path) << "<?xml version=\"1.0\"?>\n<grammar name=\"city\">\n" << body << "</grammar>\n";
    std::shared_ptr<const Grammar> grammar;
    const Status status = Grammar::Load(path.string(), &grammar);
    loaded_ = grammar;
    return status.ok() ? "" : status.message();
  }
  std::string City() const { return (dir_ / "city.xml").string(); }

  fs::path dir_;
  std::shared_ptr<const Grammar> loaded_;
};

TEST_F(SchemaTest, MisspeltMatchNameIsRefusedWithTheClosestKnownName) {
  const std::string message = Load(
      "<structure><match name=\"numbred-item\"><pattern>(?P&lt;n>\\d)\\.\\s(?P&lt;text>.*)</pattern></match>"
      "</structure>\n");
  EXPECT_NE(message.find(City() + ":3: unknown <match name=\"numbred-item\"> in <structure>; did you mean "
                                  "\"numbered-item\"?"),
            std::string::npos)
      << message;
}

TEST_F(SchemaTest, MatchNameFarFromEveryKnownOneGetsNoGuess) {
  const std::string message = Load("<structure><match name=\"zzz\"><pattern>a</pattern></match></structure>\n");
  EXPECT_NE(message.find("unknown <match name=\"zzz\"> in <structure> (ratsdoc grammar --describe"), std::string::npos)
      << message;
}

TEST_F(SchemaTest, MisspeltGroupNameIsRefused) {
  const std::string message = Load(
      "<structure>\n<match name=\"numbered-item\"><pattern>(?P&lt;n>\\d)\\.\\s(?P&lt;txt>.*)</pattern></match>"
      "</structure>\n");
  EXPECT_NE(message.find(City() + ":4: rule 'numbered-item': the pattern has a group named txt, which ratsdoc "
                                  "does not read; did you mean \"text\"?; its groups: n, text"),
            std::string::npos)
      << message;
}

TEST_F(SchemaTest, GroupInAPatternWithoutGroupsIsRefused) {
  const std::string message =
      Load("<structure><match name=\"questions-end\"><pattern>(?P&lt;x>Anlagen):</pattern></match></structure>\n");
  EXPECT_NE(message.find("rule 'questions-end': the pattern has a group named x, which ratsdoc does not read; "
                         "this pattern has no groups"),
            std::string::npos)
      << message;
}

TEST_F(SchemaTest, MissingRequiredGroupIsRefused) {
  const std::string message =
      Load("<structure><match name=\"numbered-item\"><pattern>(?P&lt;n>\\d)\\.\\s.*</pattern></match></structure>\n");
  EXPECT_NE(message.find("rule 'numbered-item': the pattern needs a group named text"), std::string::npos) << message;
}

TEST_F(SchemaTest, DateOfReferencesNeedsDayMonthAndYear) {
  const std::string message =
      Load("<references><date>(?P&lt;d>\\d{1,2})\\.(?P&lt;m>\\d{1,2})\\.\\d{4}</date></references>\n");
  EXPECT_NE(message.find("rule 'date': the pattern needs a group named y"), std::string::npos) << message;
}

TEST_F(SchemaTest, MatchReadOnlyWithAnotherNeedsIt) {
  const std::string message =
      Load("<structure>\n\n<match name=\"vote-counts\"><pattern>Ja: (?P&lt;yes>\\d+)</pattern></match></structure>\n");
  EXPECT_NE(message.find(City() + ":5: rule 'vote-counts': <match name=\"vote-counts\"> is read only together "
                                  "with <match name=\"vote-subject\">, which the grammar does not define"),
            std::string::npos)
      << message;
  EXPECT_EQ(Load("<structure><match name=\"vote-counts\"><pattern>Ja: (?P&lt;yes>\\d+)</pattern></match>\n"
                 "<match name=\"vote-subject\"><pattern>Abstimmung</pattern></match></structure>\n"),
            "");
}

TEST_F(SchemaTest, MisspeltLayoutAndTextAreRefused) {
  std::string message = Load("<structure><kind name=\"anfrage\" layout=\"reqest\"><cue>x</cue></kind></structure>\n");
  EXPECT_NE(message.find("rule 'kind anfrage': unknown layout \"reqest\"; did you mean \"request\"?; known: none, "
                         "answer, request, decision, proposal, minutes, annex"),
            std::string::npos)
      << message;
  message = Load("<structure><text name=\"annex-no-shared-numbr\">übergreifend</text></structure>\n");
  EXPECT_NE(message.find("unknown <text name=\"annex-no-shared-numbr\"> in <structure>; did you mean "
                         "\"annex-no-shared-number\"?"),
            std::string::npos)
      << message;
}

TEST_F(SchemaTest, IdTemplateMayUseOnlyTheFieldsRatsdocFills) {
  const std::string message = Load("<structure question-id=\"{documnt}#Q{number}\"/>\n");
  EXPECT_NE(message.find(City() + ":3: question-id uses {documnt}, which ratsdoc does not fill; did you mean "
                                  "\"document\"?; it fills {document}, {number}"),
            std::string::npos)
      << message;
  EXPECT_EQ(Load("<references measure-id=\"{attachment}#{measure}\"/>\n"), "");
}

TEST_F(SchemaTest, MisspeltRelationNameIsRefusedWithTheClosestKnownName) {
  const std::string message = Load("<relations><relation name=\"answer\"><before>x$</before></relation></relations>\n");
  EXPECT_NE(message.find("rule 'answer': relation name must be one of self, cites, answers, attachment-of, decides, "
                         "approves; did you mean \"answers\"?"),
            std::string::npos)
      << message;
}

TEST_F(SchemaTest, KindMayOnlyMapALayoutAndKeepsIt) {
  ASSERT_EQ(Load("<structure><kind name=\"anlage\" layout=\"annex\"/></structure>\n"), "");
  EXPECT_EQ(loaded_->rules().LayoutOf("anlage"), schema::Layout::kAnnex);
  EXPECT_EQ(loaded_->rules().LayoutOf("dienstanweisung"), schema::Layout::kNone);
  EXPECT_TRUE(loaded_->rules().kinds.empty());  // no cue: it never scores
  EXPECT_NE(Load("<structure><kind name=\"anlage\" layout=\"annex\"/><kind name=\"anlage\" layout=\"minutes\"/>"
                 "</structure>\n")
                .find("the kind already has the layout \"annex\""),
            std::string::npos);
}

TEST(ShippedGrammarTest, EveryTopLevelGrammarFileLoadsAndEveryPartIsIncluded) {
  std::set<std::string> included;
  std::vector<fs::path> top_level;
  const fs::path root = testing::SourcePath("grammars");
  for (const fs::directory_entry& entry : fs::recursive_directory_iterator(root)) {
    if (entry.path().extension() != ".xml") continue;
    if (entry.path().parent_path() == root) top_level.push_back(entry.path());
    const std::string content = testing::ReadFile(entry.path().string());
    const std::regex include("<include href=\"([^\"]+)\"");
    for (std::sregex_iterator it(content.begin(), content.end(), include), end; it != end; ++it) {
      included.insert(fs::weakly_canonical(entry.path().parent_path() / (*it)[1].str()).string());
    }
  }
  ASSERT_GE(top_level.size(), 2u);
  for (const fs::path& path : top_level) {
    std::shared_ptr<const Grammar> grammar;
    const Status status = Grammar::Load(path.string(), &grammar);
    EXPECT_TRUE(status.ok()) << path << ": " << status.ToString();
  }
  for (const fs::directory_entry& entry : fs::recursive_directory_iterator(root)) {
    if (entry.path().extension() != ".xml" || entry.path().parent_path() == root) continue;
    EXPECT_TRUE(included.count(fs::weakly_canonical(entry.path()).string()) > 0)
        << entry.path() << " is included by no grammar, so no test loads it";
  }
  for (const std::string& name : Grammar::BuiltinNames()) {
    std::shared_ptr<const Grammar> grammar;
    EXPECT_TRUE(Grammar::Load(name, &grammar).ok()) << name;
  }
}

TEST(ShippedGrammarTest, MagdeburgDefinesEveryNameTheSchemaDeclares) {
  const grammar::Rules& rules = testing::Magdeburg().rules();
  for (const schema::Match* match : schema::kMatches) {
    if (match->section == schema::Section::kStructure) {
      EXPECT_NE(rules.Match(*match), nullptr) << match->name;
    }
  }
  EXPECT_NE(rules.date, nullptr);
  EXPECT_NE(rules.measure_row, nullptr);
  for (const schema::Text* text : schema::kTexts) EXPECT_FALSE(rules.Text(*text).empty()) << text->name;
  EXPECT_EQ(rules.Text(schema::kAnnexNoSharedNumber), "übergreifend");
}

TEST(ShippedGrammarTest, KindsMapToTheLayoutsTheirPapersHave) {
  const grammar::Rules& magdeburg = testing::Magdeburg().rules();
  EXPECT_EQ(magdeburg.LayoutOf("stellungnahme"), schema::Layout::kAnswer);
  EXPECT_EQ(magdeburg.LayoutOf("antrag"), schema::Layout::kRequest);
  EXPECT_EQ(magdeburg.LayoutOf("beschluss"), schema::Layout::kDecision);
  EXPECT_EQ(magdeburg.LayoutOf("information"), schema::Layout::kProposal);
  EXPECT_EQ(magdeburg.LayoutOf("protokoll"), schema::Layout::kMinutes);
  EXPECT_EQ(magdeburg.LayoutOf("anlage"), schema::Layout::kAnnex);
  EXPECT_EQ(magdeburg.LayoutOf("sonstiges"), schema::Layout::kNone);
  // Karlsruhe's Anlage has no content cue, only its own number's rule kind.
  EXPECT_EQ(testing::Karlsruhe().rules().LayoutOf("anlage"), schema::Layout::kAnnex);
}

TEST(ContractTest, ReadmeHoldsTheContractBetweenItsMarkers) {
  const std::string readme = testing::ReadFile(testing::SourcePath("grammars/README.md"));
  const std::string begin = "<!-- contract:begin -->\n", end = "<!-- contract:end -->";
  const std::size_t from = readme.find(begin);
  const std::size_t to = readme.find(end);
  ASSERT_NE(from, std::string::npos);
  ASSERT_NE(to, std::string::npos);
  const std::string section = readme.substr(from + begin.size(), to - from - begin.size());
  EXPECT_EQ(section, Grammar::DescribeContract(nullptr))
      << "grammars/README.md is out of date: replace the text between its contract markers with the output of "
         "`ratsdoc grammar --describe --contract-only`";
}

TEST(ContractTest, DescriptionSaysWhatTheGrammarDefines) {
  const std::string karlsruhe = Grammar::DescribeContract(&testing::Karlsruhe());
  EXPECT_NE(karlsruhe.find("| `annex` | title, action fields with goals, measure rows (src/structure/annex.cc) | "
                           "anlage |"),
            std::string::npos)
      << karlsruhe;
  EXPECT_NE(karlsruhe.find("| `request` | "), std::string::npos);
  const std::string magdeburg = Grammar::DescribeContract(&testing::Magdeburg());
  EXPECT_NE(magdeburg.find("| name | read by | meaning | groups | needs | magdeburg |"), std::string::npos);
  EXPECT_NE(magdeburg.find("`n` count 0–9999, required: the item's number"), std::string::npos);
  EXPECT_NE(magdeburg.find("| `annex-no-shared-number` | structure/annex.cc |"), std::string::npos);
  EXPECT_NE(magdeburg.find("| übergreifend |"), std::string::npos);
}

TEST(ContractTest, ClosestNameIsWithinAThirdOfTheName) {
  const std::string_view known[] = {"numbered-item", "questions-end", "section-heading"};
  EXPECT_EQ(schema::ClosestName("numbred-item", known), "numbered-item");
  EXPECT_EQ(schema::ClosestName("question-end", known), "questions-end");
  EXPECT_EQ(schema::ClosestName("title", known), "");
}

}  // namespace
}  // namespace ratsdoc
