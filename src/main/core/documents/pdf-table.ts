import {
  type Align,
  type Pdf,
  drawRule,
  ensureSpace,
  INK,
  SHADE,
  textHeight,
  useStyle,
} from './pdf-kit'

export interface PdfTableColumn {
  label: string
  /** Relative width (default 1): the columns share the width between the margins. */
  width?: number
  align?: Align
}

export interface PdfRowStyle {
  bold?: boolean
  shade?: boolean
}

export interface PdfTableOptions {
  size: number
  padding?: number
  /** Drawn at the top of each continuation page, before the repeated header. */
  onNewPage?: (pdf: Pdf) => void
}

/**
 * A table that flows over pages: a row never splits across a page break, and the header row is
 * repeated at the top of each new page so a 200-line invoice stays readable on page 5.
 */
export class PdfTable {
  private readonly x: number
  private readonly width: number
  private readonly xs: number[]
  private readonly widths: number[]
  private readonly padding: number

  constructor(
    private readonly pdf: Pdf,
    private readonly columns: PdfTableColumn[],
    private readonly options: PdfTableOptions,
  ) {
    const { margins, width } = pdf.page
    this.x = margins.left
    this.width = width - margins.left - margins.right
    this.padding = options.padding ?? 3
    const total = columns.reduce((sum, c) => sum + (c.width ?? 1), 0)
    this.widths = columns.map((c) => (this.width * (c.width ?? 1)) / total)
    let x = this.x
    this.xs = this.widths.map((w) => {
      const at = x
      x += w
      return at
    })
  }

  header(): void {
    this.draw(
      this.columns.map((c) => c.label),
      { bold: true, shade: true },
      false,
    )
  }

  row(cells: string[], style: PdfRowStyle = {}): void {
    this.draw(cells, style, true)
  }

  /** One cell across the whole table (a group title); kept on the page of the row after it. */
  span(text: string, style: PdfRowStyle = {}): void {
    const height = this.spanHeight(text, style)
    this.fit(height * 2)
    this.paint(height, style)
    const y = this.pdf.y
    useStyle(this.pdf, { size: this.options.size, bold: style.bold ?? false }).text(
      text,
      this.x + this.padding,
      y + this.padding,
      { width: this.width - 2 * this.padding },
    )
    this.pdf.y = y + height
  }

  private spanHeight(text: string, style: PdfRowStyle): number {
    const inner = this.width - 2 * this.padding
    const size = this.options.size
    return textHeight(this.pdf, text, inner, { size, bold: style.bold ?? false }) + 2 * this.padding
  }

  private draw(cells: string[], style: PdfRowStyle, repeatHeader: boolean): void {
    const textStyle = { size: this.options.size, bold: style.bold ?? false }
    const heights = this.widths.map((w, i) =>
      textHeight(this.pdf, cells[i] ?? '', w - 2 * this.padding, textStyle),
    )
    const height = Math.max(...heights) + 2 * this.padding
    if (repeatHeader) this.fit(height)
    else ensureSpace(this.pdf, height * 2) // a header alone at the foot of a page says nothing
    this.paint(height, style)
    const y = this.pdf.y
    useStyle(this.pdf, textStyle)
    this.columns.forEach((column, i) => {
      this.pdf.text(cells[i] ?? '', (this.xs[i] ?? 0) + this.padding, y + this.padding, {
        width: (this.widths[i] ?? 0) - 2 * this.padding,
        align: column.align ?? 'left',
      })
    })
    this.pdf.y = y + height
  }

  private fit(height: number): void {
    if (!ensureSpace(this.pdf, height)) return
    this.options.onNewPage?.(this.pdf)
    this.header()
  }

  /** Background and bottom rule of a row about to be written at the current y. */
  private paint(height: number, style: PdfRowStyle): void {
    const y = this.pdf.y
    if (style.shade) {
      this.pdf.save().rect(this.x, y, this.width, height).fill(SHADE).restore()
    }
    this.pdf.y = y + height
    drawRule(this.pdf, this.x, this.width)
    this.pdf.y = y
    this.pdf.fillColor(INK)
  }
}
