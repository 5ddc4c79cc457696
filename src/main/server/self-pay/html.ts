/** The self-service pages' frame: one self-contained HTML document, no script, no outside file. */

export const escapeHtml = (value: string) =>
  value.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c,
  )

/** Phone first (390 px), still tidy at 1366: one column, at most 560 px wide. */
const STYLE = `*{box-sizing:border-box}
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;background:#f4f6f8;color:#1b2430;margin:0;padding:16px;font-size:16px}
main{max-width:560px;margin:16px auto;background:#fff;border-radius:12px;padding:22px 20px;border-top:6px solid #e8590c;box-shadow:0 1px 3px rgba(0,0,0,.08)}
main.ok{border-top-color:#2f9e44}main.info{border-top-color:#1c7ed6}
h1{font-size:1.3rem;margin:4px 0 12px;line-height:1.3}h2{font-size:1.05rem;margin:22px 0 8px}
p{line-height:1.5;margin:8px 0}.isp{color:#5c6773;font-weight:600;margin:0}.muted{color:#5c6773;font-size:.9rem}
.who{background:#f8f9fa;border-radius:8px;padding:10px 12px;margin:12px 0}.who strong{display:block}
.row{display:flex;align-items:center;gap:10px;padding:10px 12px;border:1px solid #dee2e6;border-radius:8px;margin:6px 0}
label.row{cursor:pointer}.row input{width:20px;height:20px;flex:none;margin:0}.row span{flex:1;min-width:0}
.row small{color:#5c6773;display:block;font-size:.85rem}.row b{white-space:nowrap}
.total{display:flex;justify-content:space-between;padding:10px 12px;font-weight:700;border-top:2px solid #dee2e6;margin-top:8px}
fieldset{border:0;padding:0;margin:12px 0}legend{font-weight:600;color:#343a40;padding:0;margin-bottom:4px}
button,.button{display:block;width:100%;text-align:center;background:#e8590c;color:#fff;border:0;border-radius:8px;padding:14px;font-size:1rem;font-weight:700;text-decoration:none;margin:16px 0 4px;cursor:pointer}
.button.secondary{background:#fff;color:#1c7ed6;border:1px solid #1c7ed6}
.code{font-family:ui-monospace,Menlo,Consolas,monospace;font-size:1.5rem;font-weight:700;letter-spacing:.05em;background:#fff4e6;border-radius:8px;padding:12px;text-align:center;word-break:break-all}
.badge{display:inline-block;border-radius:999px;padding:4px 12px;font-weight:700}
.badge.ok{background:#d3f9d8;color:#2b8a3e}.badge.wait{background:#fff3bf;color:#e67700}.badge.bad{background:#ffe3e3;color:#c92a2a}
.alert{background:#fff5f5;border:1px solid #ffc9c9;color:#c92a2a;border-radius:8px;padding:10px 12px}
ol{padding-left:22px;line-height:1.5}details{margin:8px 0}summary{cursor:pointer;font-weight:600}`

export interface Frame {
  title: string
  /** The company, above the title; a page about a refused link names none. */
  company: string | null
  tone?: 'warn' | 'ok' | 'info'
  /** `<meta http-equiv="refresh">`: seconds and where to (a payment's status, the checkout). */
  refresh?: { seconds: number; url: string }
}

export function page(frame: Frame, body: string): string {
  const refresh = frame.refresh
    ? `<meta http-equiv="refresh" content="${frame.refresh.seconds};url=${escapeHtml(frame.refresh.url)}">\n`
    : ''
  const tone = frame.tone && frame.tone !== 'warn' ? ` class="${frame.tone}"` : ''
  const company = frame.company ? `<p class="isp">${escapeHtml(frame.company)}</p>\n` : ''
  return `<!doctype html>
<html lang="id"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
${refresh}<title>${escapeHtml(frame.title)}${frame.company ? ` — ${escapeHtml(frame.company)}` : ''}</title>
<style>${STYLE}</style>
</head><body><main${tone}>
${company}<h1>${escapeHtml(frame.title)}</h1>
${body}
</main></body></html>
`
}
