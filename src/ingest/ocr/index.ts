// OCR for images and scanned PDFs: the engine interface parsers use, and tesseract found at run time. Optional: with no
// engine, files only OCR can read are listed as needing OCR, never dropped. Downloads nothing, keeps nothing on disk.
export { needsOcrError, noOcrEngine, noPdfRenderer, ocrPackages, type OcrEngine, type OcrResult, type PdfPageRequest, type PortableOcrEngine } from './ocr-engine.js';
export { defaultOcrLanguages, detectTesseract, rebuildOcrEngine, type TesseractOptions } from './tesseract.js';
