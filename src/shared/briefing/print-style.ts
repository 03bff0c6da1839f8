import type { z } from 'zod'
import type { PaperSizeSchema } from '../api'

/** A paper size the briefing prints on. */
export type PaperSize = z.infer<typeof PaperSizeSchema>

/** Page margins of a printed briefing; the PDF printers use the same, so the footer fits. */
export const PAGE_MARGINS = { top: '18mm', right: '20mm', bottom: '20mm', left: '20mm' } as const

const SERIF = `Georgia, Charter, 'Iowan Old Style', 'Liberation Serif', 'DejaVu Serif', 'Times New Roman', serif`
const SANS = `'Helvetica Neue', Helvetica, Arial, 'Liberation Sans', 'DejaVu Sans', sans-serif`

/** The font stack of the page footer, which Chromium renders apart from the document. */
export const FOOTER_FONT = SANS

/**
 * The briefing's stylesheet: a newsroom briefing on screen (the live preview) and on paper,
 * with `@page` set to the given size.
 */
export function printStylesheet(paper: PaperSize = 'A4'): string {
  const margins = `${PAGE_MARGINS.top} ${PAGE_MARGINS.right} ${PAGE_MARGINS.bottom} ${PAGE_MARGINS.left}`
  return `
@page { size: ${paper === 'Letter' ? 'letter' : 'A4'}; margin: ${margins}; }
:root {
  --ink: #1b1b1b;
  --muted: #5e5a55;
  --faint: #8a857d;
  --rule: #d8d3c9;
  --accent: #8c1c1f;
  --warning: #a3470b;
  --paper: #ffffff;
  --serif: ${SERIF};
  --sans: ${SANS};
}
* { box-sizing: border-box; }
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body {
  margin: 0;
  color: var(--ink);
  background: var(--paper);
  font-family: var(--serif);
  font-size: 10.5pt;
  line-height: 1.5;
  font-kerning: normal;
  font-variant-ligatures: common-ligatures;
  text-rendering: optimizeLegibility;
  hyphens: manual;
}
p { margin: 0 0 0.7em; orphans: 3; widows: 3; }
a { color: inherit; text-decoration: none; }
cite { font-style: italic; }

.masthead { border-top: 4pt solid var(--ink); padding-top: 7pt; margin-bottom: 22pt; }
.masthead-meta {
  display: flex; flex-wrap: wrap; justify-content: space-between; gap: 4pt 16pt;
  margin: 0 0 10pt; font-family: var(--sans); font-size: 7.5pt; font-weight: 600;
  letter-spacing: 0.09em; text-transform: uppercase; color: var(--muted);
}
.masthead-date { color: var(--accent); }
.masthead-title {
  margin: 0;
  font-family: var(--serif); font-size: 25pt; font-weight: 700; line-height: 1.12;
  letter-spacing: -0.01em;
}

.section { margin: 0 0 8pt; }
.section-heading {
  margin: 20pt 0 10pt; padding-top: 5pt; border-top: 1.5pt solid var(--ink);
  font-family: var(--sans); font-size: 8.5pt; font-weight: 700; line-height: 1.3;
  letter-spacing: 0.12em; text-transform: uppercase; color: var(--accent);
  break-after: avoid; page-break-after: avoid;
}
.section-lead { break-inside: avoid; page-break-inside: avoid; }

.item { margin: 0 0 16pt; }
.quote { margin: 0 0 7pt; break-inside: avoid; page-break-inside: avoid; }
.quote-text {
  margin: 0 0 0 10pt; padding: 1pt 0 1pt 13pt; border-left: 2.5pt solid var(--accent);
  font-size: 11.5pt; line-height: 1.45;
}
.quote-text p { margin: 0 0 0.55em; }
.quote-text p:last-child { margin-bottom: 0; }
.quote-attribution {
  margin: 5pt 0 0 23pt; font-family: var(--sans); font-size: 8pt; line-height: 1.4;
  color: var(--muted);
}
.quote-speaker { font-weight: 700; color: var(--ink); letter-spacing: 0.01em; }
.quote-attribution cite { color: var(--ink); }
/* A quote nobody has confirmed must not pass for a checked one. */
.quote-unconfirmed .quote-text { border-left-style: dashed; border-left-color: var(--warning); }
.unconfirmed-label {
  display: inline-block; margin-left: 3pt; padding: 0 3.5pt; border: 0.75pt solid var(--warning);
  border-radius: 2pt; font-size: 6.8pt; font-weight: 700; letter-spacing: 0.08em; line-height: 1.5;
  text-transform: uppercase; color: var(--warning); white-space: nowrap;
}
.sic { font-style: normal; }
.sic i { font-style: italic; }

.citation { font-family: var(--sans); font-size: 0.85em; color: var(--accent); white-space: nowrap; }

/* The journalist's own words: set apart from what is quoted by a rule, the sans face and a label. */
.commentary {
  margin: 7pt 0 0 23pt; padding: 1pt 0 1pt 9pt; border-left: 1.5pt solid var(--rule);
  font-family: var(--sans); font-size: 8.8pt; line-height: 1.5; color: #3d3a36;
}
.commentary p { margin: 0 0 0.45em; }
.commentary p:last-child { margin-bottom: 0; }
.commentary-label {
  margin-right: 3pt; font-size: 6.8pt; font-weight: 700; letter-spacing: 0.1em;
  text-transform: uppercase; color: var(--muted);
}
/* A comment stays on the page of the quote or clipping it is about. */
.comment { break-before: avoid; page-break-before: avoid; }
.note {
  margin: 0 0 0 10pt; padding: 6pt 10pt 6pt 12pt; border-left: 2.5pt solid var(--faint);
  background: #f5f2ec; break-inside: avoid; page-break-inside: avoid;
}
.note + .comment { margin-top: 5pt; }

.clipping { margin: 0 0 7pt 10pt; padding: 6pt 10pt 7pt 13pt; border-left: 2.5pt solid var(--rule); break-inside: avoid; page-break-inside: avoid; }
.clipping-title { margin: 0 0 2pt; font-size: 11.5pt; font-weight: 700; line-height: 1.3; }
.clipping-meta { margin: 0 0 5pt; font-family: var(--sans); font-size: 8pt; color: var(--muted); }
.clipping-meta cite { color: var(--ink); }
.clipping-excerpt { margin: 0; color: #3d3a36; font-size: 10pt; }
.clipping-excerpt p { margin: 0; }


.missing {
  margin: 0 0 7pt 10pt; padding: 5pt 10pt; border: 0.75pt dashed var(--faint);
  font-family: var(--sans); font-size: 8.5pt; font-style: italic; color: var(--muted);
}

/*
 * A short source list moves to the next page whole rather than leave an entry stranded there;
 * a long one keeps its heading with two entries and never leaves its last entry alone.
 */
.sources { margin-top: 26pt; break-inside: avoid; page-break-inside: avoid; }
.sources .section-heading { color: var(--ink); }
.source-list { margin: 0; padding: 0 0 0 18pt; font-size: 8.5pt; line-height: 1.45; }
.source-list li { margin: 0 0 4pt; padding-left: 3pt; break-inside: avoid; page-break-inside: avoid; }
.source-list li:nth-child(2), .source-list li:last-child { break-before: avoid; page-break-before: avoid; }
.source-list li::marker { font-family: var(--sans); font-weight: 700; color: var(--accent); }
.source-url { font-family: var(--sans); font-size: 7.5pt; color: var(--muted); overflow-wrap: anywhere; }

@media screen {
  html { background: #ebe8e2; }
  body { background: transparent; }
  .briefing {
    max-width: 44rem; margin: 2rem auto; zoom: 1.15; padding: 3rem 3.5rem 3.5rem; background: var(--paper);
    box-shadow: 0 1px 3px rgba(0, 0, 0, 0.12), 0 8px 24px rgba(0, 0, 0, 0.06);
  }
  .source-url:hover, .citation:hover { text-decoration: underline; }
}
@media screen and (max-width: 40rem) {
  .briefing { margin: 0; padding: 1.5rem 1.25rem; box-shadow: none; zoom: 1; }
  .masthead-title { font-size: 1.6rem; }
}
`
}
