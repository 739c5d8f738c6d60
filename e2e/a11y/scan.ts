import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';

/** WCAG 2.1 level A and AA: what the scan holds every page to. */
export const WCAG_21_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/** axe's violations, one readable line per failing element (rule, impact, what to fix, where). */
async function axeViolations(page: Page): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page }).withTags(WCAG_21_AA).analyze();
  return violations.flatMap((v) =>
    v.nodes.map(
      (node) =>
        `${v.id} (${v.impact}): ${v.help} — ${node.target.join(' ')}: ${node.failureSummary?.replace(/\s+/g, ' ') ?? ''}`,
    ),
  );
}

/**
 * Ids used twice (WCAG 2.1's 4.1.1; axe files its rule as obsolete since WCAG 2.2, but a repeated id still breaks the
 * aria-labelledby and label links that point at it).
 */
async function duplicateIds(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const seen = new Map<string, number>();
    for (const el of document.querySelectorAll('[id]')) seen.set(el.id, (seen.get(el.id) ?? 0) + 1);
    return [...seen].filter(([, n]) => n > 1).map(([id, n]) => `duplicate-id: id "${id}" is used ${n} times`);
  });
}

/**
 * Chart text (SVG) below 4.5:1 against the white card it is drawn on, or 3:1 when large: axe does not check SVG
 * text, and chart labels are text that people read.
 */
async function chartTextContrast(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const channel = (c: number) => ((c /= 255) <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
    const problems: string[] = [];
    for (const text of document.querySelectorAll<SVGTextElement>('svg text')) {
      const content = text.textContent?.trim();
      const box = text.getBBox();
      if (!content || box.width === 0) continue;
      const style = getComputedStyle(text);
      const rgb = style.fill.match(/\d+(\.\d+)?/g)?.map(Number);
      if (!rgb || rgb.length < 3) continue;
      // Over white: a partly transparent fill is lighter than its colour.
      const alpha = (rgb[3] ?? 1) * Number(style.fillOpacity || 1) * Number(style.opacity || 1);
      const [r, g, b] = rgb.slice(0, 3).map((c) => 255 - alpha * (255 - c));
      const luminance = 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
      const ratio = 1.05 / (luminance + 0.05);
      const size = parseFloat(style.fontSize);
      const large = size >= 24 || (size >= 18.66 && Number(style.fontWeight) >= 700);
      const needed = large ? 3 : 4.5;
      if (ratio < needed)
        problems.push(
          `chart-text-contrast: "${content}" is ${ratio.toFixed(2)}:1 on white (${style.fill}), needs ${needed}:1`,
        );
    }
    return [...new Set(problems)];
  });
}

/** Everything the scan finds wrong on the page as it is now. */
export async function accessibilityProblems(page: Page): Promise<string[]> {
  return [...(await axeViolations(page)), ...(await duplicateIds(page)), ...(await chartTextContrast(page))];
}
