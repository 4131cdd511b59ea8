/// The inline stylesheet of the HTML report: readable on screen, and printable on A4 without losing colour.
///
/// Colours are never the only carrier of meaning: every status has its symbol and label, every heatmap
/// cell its percentage.
enum HTMLStyle {
    static let css = """
    :root { --ink: #1b1f24; --muted: #57606a; --rule: #d0d7de; --bar: #0b5cad; }
    * { box-sizing: border-box; }
    body { font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif; color: var(--ink); margin: 2rem auto; max-width: 72rem; padding: 0 1rem; }
    h1 { font-size: 1.6rem; margin-bottom: .2rem; }
    h2 { font-size: 1.3rem; border-bottom: 2px solid var(--rule); padding-bottom: .2rem; margin-top: 2.2rem; }
    h3 { font-size: 1.05rem; margin: 1.2rem 0 .4rem; }
    .meta { color: var(--muted); margin: 0 0 1rem; }
    .notice { border-left: 4px solid var(--rule); padding: .3rem .8rem; color: var(--muted); }
    table { border-collapse: collapse; width: 100%; margin: .4rem 0 1rem; }
    th, td { border-bottom: 1px solid var(--rule); padding: .3rem .45rem; text-align: left; vertical-align: top; }
    th { background: #f6f8fa; font-weight: 600; }
    td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
    .id { font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace; font-size: .85em; white-space: nowrap; }
    .bar { display: inline-block; width: 10rem; height: .8rem; background: #e6e9ed; border-radius: .2rem; vertical-align: middle; overflow: hidden; }
    .bar > span { display: block; height: 100%; background: var(--bar); }
    .status { white-space: nowrap; }
    .s-implemented { color: #0a6b2d; } .s-partially-implemented { color: #2f6f3e; } .s-in-progress { color: #7a5b00; }
    .s-not-started { color: #a4262c; } .s-not-assessed { color: var(--muted); } .s-not-applicable { color: var(--muted); }
    .heatmap, .trend-chart { max-width: 100%; height: auto; }
    table.ranking caption { text-align: left; font-weight: 600; padding: .3rem 0; }
    details.trend-table summary { cursor: pointer; color: var(--muted); }
    .up { color: #0a6b2d; } .down { color: #a4262c; }
    ul.evidence { margin: 0; padding-left: 1rem; }
    footer { margin-top: 3rem; color: var(--muted); font-size: .85rem; }
    @media print {
      body { margin: 0; max-width: none; font-size: 10pt; }
      * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
      section.state { break-before: page; }
      tr, .heatmap, .trend-chart { break-inside: avoid; }
      h2, h3 { break-after: avoid; }
    }
    """
}
