import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const html = readFileSync(new URL('../../public/sandbox.html', import.meta.url), 'utf8');

function policy(): Map<string, string[]> {
  const content = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1] ?? '';
  const directives = content.split(';').map((directive) => directive.trim().split(/\s+/));
  return new Map(directives.map(([name = '', ...sources]) => [name, sources]));
}

describe('sandbox page', () => {
  it('allows its inline script by hash', () => {
    const scripts = [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)].map((match) => match[1] ?? '');
    expect(scripts).toHaveLength(1);
    const hash = `'sha256-${createHash('sha256').update(scripts[0]!).digest('base64')}'`;

    expect(policy().get('script-src'), `script-src should list ${hash}`).toContain(hash);
  });

  it('allows no network, eval or remote script', () => {
    const directives = policy();

    expect(directives.get('default-src')).toEqual(["'none'"]);
    expect(directives.get('connect-src')).toEqual(["'none'"]);
    expect(directives.get('worker-src')).toEqual(['blob:']);
    const scriptSources = directives.get('script-src') ?? [];
    expect(scriptSources.filter((source) => !source.startsWith("'sha256-"))).toEqual(['blob:']);
  });
});
