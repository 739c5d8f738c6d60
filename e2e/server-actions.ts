import type { APIRequestContext, APIResponse, Page } from '@playwright/test';

/** A server action request as the browser sent it, to be sent again with another session. */
export type CapturedAction = { url: string; headers: Record<string, string>; body: Buffer };

/**
 * Runs `submit` and captures the server action POST it makes to a URL matching `glob`, without letting it reach
 * the server (the request is aborted), so that a test can replay it with a session of its choosing.
 */
export async function captureServerAction(
  page: Page,
  glob: string,
  submit: () => Promise<void>,
): Promise<CapturedAction> {
  const captured = new Promise<CapturedAction>((resolve) => {
    void page.route(glob, async (route) => {
      const request = route.request();
      const headers = await request.allHeaders();
      if (request.method() !== 'POST' || !headers['next-action']) return route.continue();
      resolve({ url: request.url(), headers, body: request.postDataBuffer() ?? Buffer.alloc(0) });
      await route.abort();
    });
  });
  await submit();
  const action = await captured;
  await page.unroute(glob);
  return action;
}

/** Sends a captured server action again, with the cookies of `request`'s browser context. */
export function replayServerAction(request: APIRequestContext, action: CapturedAction): Promise<APIResponse> {
  return request.post(action.url, {
    headers: {
      'next-action': action.headers['next-action'],
      'content-type': action.headers['content-type'],
      accept: action.headers['accept'] ?? 'text/x-component',
      ...(action.headers['next-router-state-tree']
        ? { 'next-router-state-tree': action.headers['next-router-state-tree'] }
        : {}),
      origin: new URL(action.url).origin,
    },
    data: action.body,
  });
}
