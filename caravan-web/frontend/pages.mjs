// The shell every page shares, written once: <head> (title, stylesheet) and the site header with its nav.
// A page file in src/ holds only its own part: a first line `<!-- page {"title": …, "css": …} -->`
// (optional "body": the <body> class; "header": false for a page that draws its own header), then its
// <main> and <script>. The build wraps it; the nav marks the page it is on with aria-current.

/** The site nav: href and label of every page, in order. */
export const NAV = [
  ['/', 'index.html', 'Map &amp; planner'],
  ['/api-docs', 'api-docs.html', 'API'],
  ['/simulation.html', 'simulation.html', 'Simulation'],
  ['/raw-materials.html', 'raw-materials.html', 'Raw materials'],
  ['/shipments.html', 'shipments.html', 'Shipments'],
];

function header(file) {
  const links = NAV.map(([href, page, label]) =>
    `    <a href="${href}"${page === file ? ' aria-current="page"' : ''}>${label}</a>`);
  return ['<header>', '  <h1>Caravan</h1>', '  <nav>', ...links, '  </nav>', '</header>'].join('\n');
}

/** The whole HTML document of page `file` from its source text. */
export function render(file, source) {
  const m = /^<!-- page (\{.*\}) -->\n/.exec(source);
  if (!m) throw new Error(`${file}: the first line must be <!-- page {"title": …, "css": …} -->`);
  const page = JSON.parse(m[1]);
  const body = source.slice(m[0].length);
  return [
    '<!doctype html>',
    '<html lang="en">',
    '<head>',
    '  <meta charset="utf-8">',
    '  <meta name="viewport" content="width=device-width, initial-scale=1">',
    `  <title>${page.title}</title>`,
    `  <link rel="stylesheet" href="${page.css}">`,
    '</head>',
    page.body ? `<body class="${page.body}">` : '<body>',
    ...(page.header === false ? [] : [header(file)]),
    body.trimEnd(),
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
