import type { App } from '../../server/src/app';

export interface RegisteredRoute {
  method: string;
  /** The route's pattern as registered, for example `/api/learn/:slug` or `/*`. */
  url: string;
}

/**
 * Every route the app has registered, read from `app.printRoutes()` (Fastify offers no
 * list; hooks only see routes added after them). Each parsed pattern is confirmed with
 * `app.hasRoute`, so a change in the printed format fails loudly instead of silently
 * dropping routes.
 */
export function listRoutes(app: App): RegisteredRoute[] {
  const routes: RegisteredRoute[] = [];
  const stack: { depth: number; path: string }[] = [];
  for (const line of app.printRoutes({ commonPrefix: false }).split('\n')) {
    const match = /^([│├└─\s]*)(\S.*?)(?: \(([A-Z, ]+)\))?$/.exec(line);
    if (!match) continue;
    const depth = Math.floor((match[1] ?? '').length / 4);
    const label = match[2] ?? '';
    while (stack.length > 0 && (stack[stack.length - 1]?.depth ?? 0) >= depth) stack.pop();
    const path = `${stack[stack.length - 1]?.path ?? ''}${label}`;
    stack.push({ depth, path });
    for (const method of (match[3] ?? '')
      .split(',')
      .map((part) => part.trim())
      .filter(Boolean)) {
      const url = [path, `/${path}`].find((candidate) =>
        app.hasRoute({ method: method as 'GET', url: candidate }),
      );
      if (!url)
        throw new Error(`listRoutes could not confirm ${method} ${path} from printRoutes()`);
      routes.push({ method, url });
      (stack[stack.length - 1] as { path: string }).path = url;
    }
  }
  return routes;
}
