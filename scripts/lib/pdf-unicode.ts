import { PDFDict, PDFDocument, PDFName, PDFRawStream, decodePDFRawStream } from 'pdf-lib';

/**
 * Chromium writes each font's ToUnicode map from the font's own character map. Noto Sans CJK draws a Kangxi radical
 * (U+2F00–U+2FDF) and the ideograph it stands for (⽤ U+2F64, 用 U+7528) with one glyph, and the map picks the radical:
 * copied text then reads 服务⽹格 instead of 服务网格, and search in the PDF fails. This maps every radical back to its
 * ideograph (Unicode's compatibility decomposition, NFKC), which is what the pages contain. Returns the fixed PDF.
 */
export async function fixCjkToUnicode(pdf: Uint8Array): Promise<Uint8Array> {
	const doc = await PDFDocument.load(pdf, { updateMetadata: false });
	let changed = 0;
	for (const [, object] of doc.context.enumerateIndirectObjects()) {
		if (!(object instanceof PDFDict)) continue;
		const ref = object.get(PDFName.of('ToUnicode'));
		if (!ref) continue;
		const stream = doc.context.lookup(ref);
		if (!(stream instanceof PDFRawStream)) continue;
		const text = new TextDecoder('latin1').decode(decodePDFRawStream(stream).decode());
		const fixed = text.replace(/<(2[eE][89a-fA-F][0-9a-fA-F]|2[fF][0-9a-dA-D][0-9a-fA-F])>/g, (hex, code: string) => {
			const ideograph = String.fromCodePoint(parseInt(code, 16)).normalize('NFKC');
			if (ideograph.length !== 1 || ideograph.codePointAt(0)! < 0x3400) return hex;
			changed++;
			return `<${ideograph.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}>`;
		});
		if (fixed !== text) doc.context.assign(ref as never, doc.context.flateStream(fixed));
	}
	return changed ? doc.save({ useObjectStreams: false, updateFieldAppearances: false }) : pdf;
}
