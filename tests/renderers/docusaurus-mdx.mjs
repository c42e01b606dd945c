// Renders a Markdown file as a Docusaurus 3 site reads `.md` files by default: as MDX 3 (its
// `markdown.format: 'mdx'`), with GitHub's tables (remark-gfm), the front matter set aside
// (remark-frontmatter) and HTML comments taken as comments (@slorber/remark-comment, which
// Docusaurus's `mdx1Compat.comments` uses); then evaluated and rendered with React, as the site's
// build does. Prints the HTML; a file the site's build would fail on exits 1 with MDX's reason.
//
// Usage: node docusaurus-mdx.mjs FILE.md

import { readFileSync } from 'node:fs';
import { evaluate } from '@mdx-js/mdx';
import remarkComment from '@slorber/remark-comment';
import { createElement } from 'react';
import * as runtime from 'react/jsx-runtime';
import { renderToStaticMarkup } from 'react-dom/server';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';

const source = readFileSync(process.argv[2], 'utf8');
try {
  const { default: Content } = await evaluate(source, {
    ...runtime,
    format: 'mdx',
    remarkPlugins: [remarkFrontmatter, remarkGfm, remarkComment],
  });
  process.stdout.write(renderToStaticMarkup(createElement(Content)));
} catch (error) {
  process.stderr.write(`${error}\n`);
  process.exit(1);
}
