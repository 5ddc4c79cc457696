import { crc32, createDeflateRaw } from 'node:zlib'

/**
 * Writes zip files byte by byte, so tests can build what no honest tool writes: an .xlsx that
 * unpacks to hundreds of megabytes (a zip bomb), or one whose directory lies about its sizes.
 * Nothing big is ever committed: a bomb is built in memory from one repeated chunk.
 */
export interface ZipEntry {
  name: string
  /** The content, deflated here. */
  data?: Buffer
  /** Or: the content in pieces, streamed through the deflater and never held whole. */
  pieces?: () => Iterable<Buffer>
  /** The uncompressed size written in the headers (default: the true size). */
  declaredSize?: number
}

interface Packed {
  name: Buffer
  deflated: Buffer
  crc: number
  size: number
  declaredSize: number
}

export async function zipFile(entries: ZipEntry[]): Promise<Buffer> {
  const packed: Packed[] = []
  for (const entry of entries) {
    const { deflated, crc, size } = await deflate(entry.data ? [entry.data] : entry.pieces!())
    packed.push({
      name: Buffer.from(entry.name),
      deflated,
      crc,
      size,
      declaredSize: entry.declaredSize ?? size,
    })
  }
  const locals: Buffer[] = []
  const centrals: Buffer[] = []
  let offset = 0
  for (const p of packed) {
    const local = Buffer.alloc(30)
    local.writeUInt32LE(0x04034b50, 0)
    local.writeUInt16LE(20, 4) // version needed
    local.writeUInt16LE(8, 8) // deflate
    local.writeUInt32LE(p.crc, 14)
    local.writeUInt32LE(p.deflated.length, 18)
    local.writeUInt32LE(p.declaredSize, 22)
    local.writeUInt16LE(p.name.length, 26)
    locals.push(local, p.name, p.deflated)
    const central = Buffer.alloc(46)
    central.writeUInt32LE(0x02014b50, 0)
    central.writeUInt16LE(20, 4)
    central.writeUInt16LE(20, 6)
    central.writeUInt16LE(8, 10)
    central.writeUInt32LE(p.crc, 16)
    central.writeUInt32LE(p.deflated.length, 20)
    central.writeUInt32LE(p.declaredSize, 24)
    central.writeUInt16LE(p.name.length, 28)
    central.writeUInt32LE(offset, 42)
    centrals.push(central, p.name)
    offset += 30 + p.name.length + p.deflated.length
  }
  const directory = Buffer.concat(centrals)
  const end = Buffer.alloc(22)
  end.writeUInt32LE(0x06054b50, 0)
  end.writeUInt16LE(packed.length, 8)
  end.writeUInt16LE(packed.length, 10)
  end.writeUInt32LE(directory.length, 12)
  end.writeUInt32LE(offset, 16)
  return Buffer.concat([...locals, directory, end])
}

async function deflate(
  parts: Iterable<Buffer>,
): Promise<{ deflated: Buffer; crc: number; size: number }> {
  const deflater = createDeflateRaw({ level: 9 })
  const out: Buffer[] = []
  deflater.on('data', (d: Buffer) => out.push(d))
  const done = new Promise((resolve, reject) => {
    deflater.on('end', resolve)
    deflater.on('error', reject)
  })
  let crc = 0
  let size = 0
  for (const part of parts) {
    crc = crc32(part, crc)
    size += part.length
    // Respect backpressure: a bomb's input never sits in memory as a whole.
    if (!deflater.write(part)) await new Promise((r) => deflater.once('drain', r))
  }
  deflater.end()
  await done
  return { deflated: Buffer.concat(out), crc, size }
}

const NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main'
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships'
const PKG = 'http://schemas.openxmlformats.org/package/2006/relationships'

/** The parts every .xlsx has besides its sheet: enough for Excel and exceljs to open it. */
function skeleton(): ZipEntry[] {
  const xml = (s: string) => Buffer.from(`<?xml version="1.0" encoding="UTF-8"?>\n${s}`)
  return [
    {
      name: '[Content_Types].xml',
      data: xml(
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
          '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
          '<Default Extension="xml" ContentType="application/xml"/>' +
          '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
          '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>' +
          '</Types>',
      ),
    },
    {
      name: '_rels/.rels',
      data: xml(
        `<Relationships xmlns="${PKG}"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
      ),
    },
    {
      name: 'xl/workbook.xml',
      data: xml(
        `<workbook xmlns="${NS}" xmlns:r="${REL}"><sheets><sheet name="Pelanggan" sheetId="1" r:id="rId1"/></sheets></workbook>`,
      ),
    },
    {
      name: 'xl/_rels/workbook.xml.rels',
      data: xml(
        `<Relationships xmlns="${PKG}"><Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`,
      ),
    },
  ]
}

// exceljs needs the references (r="3", r="B3") that Excel writes.
const row = (n: number, cells: string[]) =>
  `<row r="${n}">${cells
    .map((text, i) => `<c r="${'ABCDEFGHIJ'[i]}${n}" t="inlineStr"><is><t>${text}</t></is></c>`)
    .join('')}</row>`
const SHEET_HEAD = Buffer.from(
  `<?xml version="1.0" encoding="UTF-8"?>\n<worksheet xmlns="${NS}"><sheetData>` +
    row(1, ['kode', 'nama', 'telepon', 'area', 'paket', 'catatan']),
)
const SHEET_TAIL = Buffer.from('</sheetData></worksheet>')
// A long note that repeats: what makes the rows compress some 250 : 1, like the probe's file.
const NOTE = 'rumah cat hijau dekat masjid, '.repeat(300)

/**
 * An .xlsx whose one sheet unpacks to about `megabytes` MB of customer rows: the hostile probe's
 * 860 KB file that unpacked to 210 MB. `declaredSize` makes the directory lie about it.
 */
export function xlsxBomb(megabytes: number, options: { declaredSize?: number } = {}) {
  const target = megabytes * 1024 * 1024
  function* pieces() {
    yield SHEET_HEAD
    let written = SHEET_HEAD.length
    for (let n = 2; written < target;) {
      let text = ''
      for (let i = 0; i < 8; i++, n++) {
        text += row(n, [`CBG01-${n}`, 'Pelanggan Bom', '081234567890', 'CBG01', 'Paket 20', NOTE])
      }
      const piece = Buffer.from(text)
      written += piece.length
      yield piece
    }
    yield SHEET_TAIL
  }
  return zipFile([
    ...skeleton(),
    { name: 'xl/worksheets/sheet1.xml', pieces, declaredSize: options.declaredSize },
  ])
}

/** A small honest .xlsx with the given data rows (same layout as the bomb). */
export function smallXlsx(rows: string[][]) {
  const body = rows.map((cells, i) => row(i + 2, cells)).join('')
  return zipFile([
    ...skeleton(),
    {
      name: 'xl/worksheets/sheet1.xml',
      data: Buffer.concat([SHEET_HEAD, Buffer.from(body), SHEET_TAIL]),
    },
  ])
}
