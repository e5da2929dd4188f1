//! Vanban: drafting and checking Vietnamese administrative documents
//! (Nghị định 30/2020/NĐ-CP for state bodies, Hướng dẫn 36-HD/VPTW for Party bodies).
pub mod check;
pub mod copy;
pub mod docx;
pub mod draft;
pub mod fsutil;
pub mod host;
pub mod import;
pub mod issue;
pub mod laid;
pub mod layout;
pub mod library;
pub mod markup;
pub mod model;
pub mod normalize;
pub mod ooxml_order;
pub mod preview;
pub mod reader;
pub mod template;
