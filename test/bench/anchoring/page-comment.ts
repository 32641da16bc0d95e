// One comment of the benchmark page, built with DOM calls (never markup strings).
import { nextRandom, prose } from './page-text';

export function element<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  text?: string,
): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  if (text !== undefined) el.textContent = text;
  return el;
}

/** A comment the way issue trackers render one: header, paragraphs with inline markup, lists, tables. */
export function comment(n: number): HTMLElement {
  const box = element('div');
  box.className = 'comment';
  const header = element('div');
  header.append(
    element('strong', `user-${n % 97}`),
    ' commented ',
    element('time', `${(n % 23) + 1} days ago`),
  );
  header.append(element('button', 'Edit'), element('button', 'Delete'));
  const body = element('div');
  body.className = 'comment-body';
  const paragraphs = 1 + Math.floor(nextRandom() * 3);
  for (let i = 0; i < paragraphs; i++) {
    const p = element('p');
    p.append(prose(60 + nextRandom() * 180), ' ');
    p.append(element(nextRandom() < 0.5 ? 'b' : 'code', prose(8 + nextRandom() * 20)), ' ');
    p.append(prose(80 + nextRandom() * 260));
    body.append(p);
  }
  if (nextRandom() < 0.25) {
    const list = element('ul');
    for (let i = 0; i < 3; i++) list.append(element('li', prose(30 + nextRandom() * 80)));
    body.append(list);
  }
  if (nextRandom() < 0.1) {
    const table = element('table');
    for (let r = 0; r < 3; r++) {
      const row = element('tr');
      for (let c = 0; c < 3; c++) row.append(element('td', prose(5 + nextRandom() * 20)));
      table.append(row);
    }
    body.append(table);
  }
  if (nextRandom() < 0.1) {
    const hidden = element('div', `Hidden menu: ${prose(40)}`);
    hidden.style.display = 'none';
    body.append(hidden);
  }
  box.append(header, body);
  return box;
}
