//! The ECMA-376 child-element order of WordprocessingML elements (thứ tự phần tử con theo
//! lược đồ OOXML): the one place both the DOCX writer's canonicalising pass
//! (`docx::canonical`) and the patcher (`reader::patch`) take it from.
//!
//! Source: ECMA-376 Part 1 (ISO/IEC 29500-1), Annex A, transitional schema `wml.xsd`. Word
//! and strict validators (the Open XML SDK, openxml-audit) require these sequences even where
//! the schema writes a group as a choice (`EG_RPrBase`, `EG_PPrBase` are used as sequences).
//!
//! Names are qualified with the conventional prefixes (`w:`, `m:`, `sl:`). One entry of a
//! sequence may name several elements joined by `|`: they hold the same place and may
//! interleave (CT_SectPr's `headerReference` and `footerReference`, the choice group
//! CT_TrPrBase). A child the sequence does not name ranks after every named one.

/// The children of one schema type in schema order (dãy phần tử con theo lược đồ).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Sequence(&'static [&'static str]);

impl Sequence {
    /// The place of the child `name` (qualified, e.g. `w:b`) in this sequence; a name the
    /// sequence does not hold ranks after all of them.
    pub fn rank(&self, name: &str) -> usize {
        self.position(|n| n == name)
    }

    /// The place of the WordprocessingML child `w:<local>`, for callers that resolved the
    /// namespace themselves (whatever prefix the file uses for it).
    pub fn rank_w(&self, local: &str) -> usize {
        self.position(|n| n.strip_prefix("w:") == Some(local))
    }

    fn position(&self, is: impl Fn(&str) -> bool) -> usize {
        self.0
            .iter()
            .position(|entry| entry.split('|').any(&is))
            .unwrap_or(self.0.len())
    }
}

/// The sequence of the children of `parent` (qualified name) when it sits inside
/// `grandparent`; `None` for elements whose children keep their order. Only `w:rPr` depends
/// on where it is: inside `w:pPr` it is the paragraph mark's CT_ParaRPr (track-change marks
/// first), everywhere else (`w:r`, `w:style`, `w:rPrDefault`, `w:lvl`, `w:sdtPr`, ...) CT_RPr.
/// Inside `w:rPrChange` it is CT_RPrOriginal or CT_ParaRPrOriginal (which one depends on
/// the element above); the CT_ParaRPr order serves both, as CT_RPrOriginal has no
/// track-change marks.
pub fn children_of(parent: &str, grandparent: Option<&str>) -> Option<Sequence> {
    Some(match parent {
        "w:rPr" => match grandparent {
            Some("w:pPr" | "w:rPrChange") => PARAGRAPH_MARK_RUN_PROPERTIES,
            _ => RUN_PROPERTIES,
        },
        "w:pPr" => PARAGRAPH_PROPERTIES,
        "w:sectPr" => SECTION_PROPERTIES,
        "w:tblPr" => TABLE_PROPERTIES,
        "w:tcPr" => CELL_PROPERTIES,
        "w:trPr" => ROW_PROPERTIES,
        "w:pBdr" => PARAGRAPH_BORDERS,
        "w:tblBorders" | "w:tcBorders" => TABLE_BORDERS,
        "w:tblCellMar" | "w:tcMar" => CELL_MARGINS,
        "w:style" => STYLE,
        "w:styles" => Sequence(&["w:docDefaults", "w:latentStyles", "w:style"]),
        "w:settings" => SETTINGS,
        "w:docDefaults" => Sequence(&["w:rPrDefault", "w:pPrDefault"]),
        "w:tbl" => Sequence(&["w:tblPr", "w:tblGrid"]),
        "w:tr" => Sequence(&["w:tblPrEx", "w:trPr"]),
        "w:tc" => Sequence(&["w:tcPr"]),
        "w:p" => PARAGRAPH,
        "w:r" => RUN,
        _ => return None,
    })
}

/// CT_P, `w:p`: the paragraph properties first; the content keeps its order.
pub const PARAGRAPH: Sequence = Sequence(&["w:pPr"]);

/// CT_R, `w:r`: the run properties first; the content keeps its order.
pub const RUN: Sequence = Sequence(&["w:rPr"]);

/// `EG_RPrBase` in schema order between what comes before and after it: the run properties
/// shared by CT_RPr and CT_ParaRPr, written once.
macro_rules! around_rpr_base {
    ([$($before:literal),*], [$($after:literal),*]) => {
        Sequence(&[
            $($before,)*
            "w:rStyle", "w:rFonts", "w:b", "w:bCs", "w:i", "w:iCs", "w:caps", "w:smallCaps",
            "w:strike", "w:dstrike", "w:outline", "w:shadow", "w:emboss", "w:imprint",
            "w:noProof", "w:snapToGrid", "w:vanish", "w:webHidden", "w:color", "w:spacing",
            "w:w", "w:kern", "w:position", "w:sz", "w:szCs", "w:highlight", "w:u", "w:effect",
            "w:bdr", "w:shd", "w:fitText", "w:vertAlign", "w:rtl", "w:cs", "w:em", "w:lang",
            "w:eastAsianLayout", "w:specVanish", "w:oMath",
            $($after),*
        ])
    };
}

/// Run properties, `w:r/w:rPr` (also of styles, defaults, numbering levels): CT_RPr =
/// `EG_RPrBase`, `rPrChange`. No track-change marks: a run's insertion or deletion is the
/// `w:ins`/`w:del` around the run.
pub const RUN_PROPERTIES: Sequence = around_rpr_base!([], ["w:rPrChange"]);

/// Run properties of the paragraph mark, `w:pPr/w:rPr`: CT_ParaRPr =
/// `EG_ParaRPrTrackChanges` (`ins`, `del`, `moveFrom`, `moveTo`), `EG_RPrBase`, `rPrChange`.
pub const PARAGRAPH_MARK_RUN_PROPERTIES: Sequence = around_rpr_base!(
    ["w:ins", "w:del", "w:moveFrom", "w:moveTo"],
    ["w:rPrChange"]
);

/// Paragraph properties, `w:p/w:pPr`: CT_PPr = `EG_PPrBase`, `rPr`, `sectPr`, `pPrChange`.
/// The `w:pPr` of styles, defaults and numbering levels (CT_PPrGeneral: `EG_PPrBase`,
/// `pPrChange`) keeps a subsequence of it.
pub const PARAGRAPH_PROPERTIES: Sequence = Sequence(&[
    "w:pStyle",
    "w:keepNext",
    "w:keepLines",
    "w:pageBreakBefore",
    "w:framePr",
    "w:widowControl",
    "w:numPr",
    "w:suppressLineNumbers",
    "w:pBdr",
    "w:shd",
    "w:tabs",
    "w:suppressAutoHyphens",
    "w:kinsoku",
    "w:wordWrap",
    "w:overflowPunct",
    "w:topLinePunct",
    "w:autoSpaceDE",
    "w:autoSpaceDN",
    "w:bidi",
    "w:adjustRightInd",
    "w:snapToGrid",
    "w:spacing",
    "w:ind",
    "w:contextualSpacing",
    "w:mirrorIndents",
    "w:suppressOverlap",
    "w:jc",
    "w:textDirection",
    "w:textAlignment",
    "w:textboxTightWrap",
    "w:outlineLvl",
    "w:divId",
    "w:cnfStyle",
    "w:rPr",
    "w:sectPr",
    "w:pPrChange",
]);

/// Section properties, `w:sectPr` (in `w:body` or a paragraph's `w:pPr`): CT_SectPr =
/// `EG_HdrFtrReferences` (header and footer references, interleaved), `EG_SectPrContents`,
/// `sectPrChange`.
pub const SECTION_PROPERTIES: Sequence = Sequence(&[
    "w:headerReference|w:footerReference",
    "w:footnotePr",
    "w:endnotePr",
    "w:type",
    "w:pgSz",
    "w:pgMar",
    "w:paperSrc",
    "w:pgBorders",
    "w:lnNumType",
    "w:pgNumType",
    "w:cols",
    "w:formProt",
    "w:vAlign",
    "w:noEndnote",
    "w:titlePg",
    "w:textDirection",
    "w:bidi",
    "w:rtlGutter",
    "w:docGrid",
    "w:printerSettings",
    "w:sectPrChange",
]);

/// Table properties, `w:tblPr`: CT_TblPr (CT_TblPrBase, `tblPrChange`).
const TABLE_PROPERTIES: Sequence = Sequence(&[
    "w:tblStyle",
    "w:tblpPr",
    "w:tblOverlap",
    "w:bidiVisual",
    "w:tblStyleRowBandSize",
    "w:tblStyleColBandSize",
    "w:tblW",
    "w:jc",
    "w:tblCellSpacing",
    "w:tblInd",
    "w:tblBorders",
    "w:shd",
    "w:tblLayout",
    "w:tblCellMar",
    "w:tblLook",
    "w:tblCaption",
    "w:tblDescription",
    "w:tblPrChange",
]);

/// Table cell properties, `w:tcPr`: CT_TcPr.
const CELL_PROPERTIES: Sequence = Sequence(&[
    "w:cnfStyle",
    "w:tcW",
    "w:gridSpan",
    "w:hMerge",
    "w:vMerge",
    "w:tcBorders",
    "w:shd",
    "w:noWrap",
    "w:tcMar",
    "w:textDirection",
    "w:tcFitText",
    "w:vAlign",
    "w:hideMark",
    "w:headers",
    "w:cellIns",
    "w:cellDel",
    "w:cellMerge",
    "w:tcPrChange",
]);

/// Table row properties, `w:trPr`: CT_TrPr = the choice group CT_TrPrBase (any order), then
/// `ins`, `del`, `trPrChange`.
const ROW_PROPERTIES: Sequence = Sequence(&[
    "w:cnfStyle|w:divId|w:gridBefore|w:gridAfter|w:wBefore|w:wAfter|w:cantSplit|w:trHeight|w:tblHeader|w:tblCellSpacing|w:jc|w:hidden",
    "w:ins",
    "w:del",
    "w:trPrChange",
]);

/// Paragraph borders, `w:pBdr`: CT_PBdr (`left`/`right` are the transitional names of
/// `start`/`end`).
const PARAGRAPH_BORDERS: Sequence = Sequence(&[
    "w:top",
    "w:left|w:start",
    "w:bottom",
    "w:right|w:end",
    "w:between",
    "w:bar",
]);

/// Table and cell borders, `w:tblBorders` (CT_TblBorders) and `w:tcBorders` (CT_TcBorders,
/// which adds the diagonals).
const TABLE_BORDERS: Sequence = Sequence(&[
    "w:top",
    "w:left|w:start",
    "w:bottom",
    "w:right|w:end",
    "w:insideH",
    "w:insideV",
    "w:tl2br",
    "w:tr2bl",
]);

/// Cell margins, `w:tblCellMar` (CT_TblCellMar) and `w:tcMar` (CT_TcMar).
const CELL_MARGINS: Sequence = Sequence(&["w:top", "w:left|w:start", "w:bottom", "w:right|w:end"]);

/// A style definition, `w:style`: CT_Style.
const STYLE: Sequence = Sequence(&[
    "w:name",
    "w:aliases",
    "w:basedOn",
    "w:next",
    "w:link",
    "w:autoRedefine",
    "w:hidden",
    "w:uiPriority",
    "w:semiHidden",
    "w:unhideWhenUsed",
    "w:qFormat",
    "w:locked",
    "w:personal",
    "w:personalCompose",
    "w:personalReply",
    "w:rsid",
    "w:pPr",
    "w:rPr",
    "w:tblPr",
    "w:trPr",
    "w:tcPr",
    "w:tblStylePr",
]);

/// CT_Settings, in schema order (extension elements of later Word versions go last).
const SETTINGS: Sequence = Sequence(&[
    "w:writeProtection",
    "w:view",
    "w:zoom",
    "w:removePersonalInformation",
    "w:removeDateAndTime",
    "w:doNotDisplayPageBoundaries",
    "w:displayBackgroundShape",
    "w:printPostScriptOverText",
    "w:printFractionalCharacterWidth",
    "w:printFormsData",
    "w:embedTrueTypeFonts",
    "w:embedSystemFonts",
    "w:saveSubsetFonts",
    "w:saveFormsData",
    "w:mirrorMargins",
    "w:alignBordersAndEdges",
    "w:bordersDoNotSurroundHeader",
    "w:bordersDoNotSurroundFooter",
    "w:gutterAtTop",
    "w:hideSpellingErrors",
    "w:hideGrammaticalErrors",
    "w:activeWritingStyle",
    "w:proofState",
    "w:formsDesign",
    "w:attachedTemplate",
    "w:linkStyles",
    "w:stylePaneFormatFilter",
    "w:stylePaneSortMethod",
    "w:documentType",
    "w:mailMerge",
    "w:revisionView",
    "w:trackRevisions",
    "w:doNotTrackMoves",
    "w:doNotTrackFormatting",
    "w:documentProtection",
    "w:autoFormatOverride",
    "w:styleLockTheme",
    "w:styleLockQFSet",
    "w:defaultTabStop",
    "w:autoHyphenation",
    "w:consecutiveHyphenLimit",
    "w:hyphenationZone",
    "w:doNotHyphenateCaps",
    "w:showEnvelope",
    "w:summaryLength",
    "w:clickAndTypeStyle",
    "w:defaultTableStyle",
    "w:evenAndOddHeaders",
    "w:bookFoldRevPrinting",
    "w:bookFoldPrinting",
    "w:bookFoldPrintingSheets",
    "w:drawingGridHorizontalSpacing",
    "w:drawingGridVerticalSpacing",
    "w:displayHorizontalDrawingGridEvery",
    "w:displayVerticalDrawingGridEvery",
    "w:doNotUseMarginsForDrawingGridOrigin",
    "w:drawingGridHorizontalOrigin",
    "w:drawingGridVerticalOrigin",
    "w:doNotShadeFormData",
    "w:noPunctuationKerning",
    "w:characterSpacingControl",
    "w:printTwoOnOne",
    "w:strictFirstAndLastChars",
    "w:noLineBreaksAfter",
    "w:noLineBreaksBefore",
    "w:savePreviewPicture",
    "w:doNotValidateAgainstSchema",
    "w:saveInvalidXml",
    "w:ignoreMixedContent",
    "w:alwaysShowPlaceholderText",
    "w:doNotDemarcateInvalidXml",
    "w:saveXmlDataOnly",
    "w:useXSLTWhenSaving",
    "w:saveThroughXslt",
    "w:showXMLTags",
    "w:alwaysMergeEmptyNamespace",
    "w:updateFields",
    "w:hdrShapeDefaults",
    "w:footnotePr",
    "w:endnotePr",
    "w:compat",
    "w:docVars",
    "w:rsids",
    "m:mathPr",
    "w:attachedSchema",
    "w:themeFontLang",
    "w:clrSchemeMapping",
    "w:doNotIncludeSubdocsInStats",
    "w:doNotAutoCompressPictures",
    "w:forceUpgrade",
    "w:captions",
    "w:readModeInkLockDown",
    "w:smartTagType",
    "sl:schemaLibrary",
    "w:shapeDefaults",
    "w:doNotEmbedSmartTags",
    "w:decimalSymbol",
    "w:listSeparator",
]);

#[cfg(test)]
mod tests {
    use super::*;

    fn names(s: Sequence) -> Vec<&'static str> {
        s.0.iter().flat_map(|e| e.split('|')).collect()
    }

    #[test]
    fn rpr_order_depends_on_the_grandparent() {
        let of = |gp| children_of("w:rPr", Some(gp)).unwrap();
        assert_eq!(of("w:pPr"), PARAGRAPH_MARK_RUN_PROPERTIES);
        for gp in ["w:r", "w:style", "w:rPrDefault", "w:lvl", "w:sdtPr"] {
            assert_eq!(of(gp), RUN_PROPERTIES, "{gp}");
        }
        assert_eq!(children_of("w:rPr", None), Some(RUN_PROPERTIES));
        assert_eq!(children_of("w:t", Some("w:r")), None);
    }

    #[test]
    fn paragraph_mark_properties_are_the_run_properties_after_the_track_changes() {
        let marks = ["w:ins", "w:del", "w:moveFrom", "w:moveTo"];
        let para = names(PARAGRAPH_MARK_RUN_PROPERTIES);
        assert_eq!(para[..4], marks);
        assert_eq!(para[4..], names(RUN_PROPERTIES)[..]);
        for m in marks {
            assert_eq!(
                RUN_PROPERTIES.rank(m),
                RUN_PROPERTIES.0.len(),
                "{m} in CT_RPr"
            );
        }
    }

    #[test]
    fn run_properties_rank_in_schema_order() {
        let r = |n| RUN_PROPERTIES.rank(n);
        assert!(r("w:rStyle") < r("w:rFonts"));
        assert!(r("w:rFonts") < r("w:b"));
        assert!(r("w:i") < r("w:sz"));
        assert!(r("w:sz") < r("w:szCs"));
        assert!(r("w:u") < r("w:lang"));
        assert!(r("w:oMath") < r("w:rPrChange"));
        assert!(
            r("w:rPrChange") < r("w14:textFill"),
            "unknown names go last"
        );
    }

    #[test]
    fn alternatives_share_a_place_and_local_names_rank_alike() {
        let s = SECTION_PROPERTIES;
        assert_eq!(s.rank("w:headerReference"), s.rank("w:footerReference"));
        assert!(s.rank("w:footerReference") < s.rank("w:pgSz"));
        assert!(s.rank("w:pgMar") < s.rank("w:titlePg"));
        for n in names(s) {
            assert_eq!(s.rank_w(n.strip_prefix("w:").unwrap()), s.rank(n), "{n}");
        }
        assert_eq!(
            SETTINGS.rank_w("mathPr"),
            SETTINGS.0.len(),
            "m:mathPr is not w:"
        );
    }

    #[test]
    fn no_sequence_names_a_child_twice() {
        let parents = [
            ("w:rPr", Some("w:r")),
            ("w:rPr", Some("w:pPr")),
            ("w:pPr", None),
            ("w:sectPr", None),
            ("w:tblPr", None),
            ("w:tcPr", None),
            ("w:trPr", None),
            ("w:pBdr", None),
            ("w:tblBorders", None),
            ("w:tcMar", None),
            ("w:style", None),
            ("w:styles", None),
            ("w:settings", None),
            ("w:docDefaults", None),
            ("w:tbl", None),
            ("w:tr", None),
            ("w:tc", None),
            ("w:p", None),
            ("w:r", None),
        ];
        for (p, gp) in parents {
            let mut n = names(children_of(p, gp).unwrap());
            let len = n.len();
            n.sort_unstable();
            n.dedup();
            assert_eq!(n.len(), len, "{p}");
        }
    }
}
