// A work-around for an upstream leak that kills `next start` under sustained load
// (react/react#37289, open; vercel/next.js#84648). When a server render finishes, React aborts the
// request's cacheSignal controller with a fresh Error ("This render completed successfully…").
// V8 keeps an error's call sites, each with its receiver, until something reads `.stack`, and
// nothing ever does. The receiver here is the Immediate the render finished in; it holds that
// request's async context, and, through Node's list of immediates run in the same turn, its
// neighbours'. Each request's context in turn holds its own finished render's Error, so under load
// the chains link request to request: the benchmark's signed-in load (many users, 50 connections)
// filled the 224 MB heap in about a minute (a heap snapshot showed 3,130 finished responses held
// this way). The Error is only a diagnostic, so its stack is replaced by the one line it would
// print, which lets the call sites go. Remove once the bundled React stops capturing that stack.
export const RENDER_COMPLETED_MESSAGE = "This render completed successfully.";

const INSTALLED = Symbol.for("refi-alert.renderAbortStacks");

/** Patches AbortController#abort once per process (instrumentation.ts calls it at server start). */
export function releaseRenderAbortStacks(): void {
  const proto = AbortController.prototype as AbortController & { [INSTALLED]?: true };
  if (proto[INSTALLED]) return;
  const abort = proto.abort;
  proto.abort = function abortReleasingRenderStack(this: AbortController, reason?: unknown) {
    if (reason instanceof Error && reason.message.startsWith(RENDER_COMPLETED_MESSAGE)) {
      reason.stack = `${reason.name}: ${reason.message}`;
    }
    return abort.call(this, reason);
  };
  Object.defineProperty(proto, INSTALLED, { value: true });
}
