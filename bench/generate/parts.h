// Pieces shared by the builders of papers.cc and council.cc.
#pragma once

#include <string>
#include <vector>

#include "builder.h"

namespace ratsdoc_bench {

extern const std::vector<double> kThreeColumns;  // header tables: label, date, number
extern const std::vector<double> kFourColumns;   // the header of a Stellungnahme

bool Borris(const Date& date);  // the Oberbürgermeisterin in office from 2022
std::string Mayor(const Date& date);
std::string MayorName(const Date& date);
Date DaysLater(Date date, int days);
// `paragraphs` paragraphs on the paper's topic with `citations` woven in.
void BodyParagraphs(DocumentBuilder& b, int paragraphs, const std::vector<std::string>& citations);
// "Landeshauptstadt Magdeburg" and the header table of an Anfrage, Antrag,
// Information or Drucksache; `sessions` are rows of Gremium, date, öffentlich.
void PaperHeader(DocumentBuilder& b, const std::string& word, std::vector<std::string> from,
                 std::vector<std::string> to, std::vector<std::vector<std::string>> sessions = {});
// Body paragraphs for the paper's target page count.
int Paragraphs(const Paper& paper);

}  // namespace ratsdoc_bench
