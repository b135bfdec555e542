// The per-kind parsers of the structure stage, called by ExtractStructure
// (structure.cc) once the kind is known. Each fills the fields of its kind in
// `out` (title, kind and units excepted: structure.cc sets the title when a
// parser leaves it empty, and makes the units from questions, agenda items and
// measures).
#pragma once

#include "ratsdoc/structure.h"
#include "structure/toolkit.h"

namespace ratsdoc::structure {

// papers.cc: the header table (Absender, Adressat, Gremium/Sitzungstermin,
// Kurztitel, zum/zur, Stadtamt, Verteiler/Tag …), numbered questions or
// proposals or decision points, votes, sections and signatures.
void ParseStellungnahme(const Page& page, DocumentStructure* out);
void ParseAnfrageOrAntrag(const Page& page, DocumentStructure* out);
void ParseBeschluss(const Page& page, DocumentStructure* out);
void ParseDrucksache(const Page& page, DocumentStructure* out);  // also information

// minutes.cc: meeting, participants, quorum, agenda items, closing time, minute-taker.
void ParseProtokoll(const Page& page, DocumentStructure* out);

// annex.cc: parent title, action fields with goals, measure rows.
void ParseAnlage(const Page& page, DocumentStructure* out);

// programme.cc: a timed agenda ("9.10 Uhr Einführung … – Dr. Gottschalk").
void ParseProgramme(const Page& page, DocumentStructure* out);

}  // namespace ratsdoc::structure
