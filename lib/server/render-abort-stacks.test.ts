import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { beforeAll, describe, expect, it } from "vitest";
import { releaseRenderAbortStacks, RENDER_COMPLETED_MESSAGE } from "./render-abort-stacks";

// A real collection, not a mock: the leak is V8 keeping an error's call-site receivers alive.
setFlagsFromString("--expose-gc");
const gc = runInNewContext("gc") as () => void;

/** Aborts a controller with an Error made inside a method of a 1 MB object; is that object collected? */
async function receiverSurvives(message: string): Promise<{ survives: boolean; reason: unknown; stack: string }> {
  const controller = new AbortController();
  let ref!: WeakRef<object>;
  (() => {
    const receiver = { payload: new Array(128 * 1024).fill(0), finish: () => new Error(message) };
    ref = new WeakRef(receiver);
    controller.abort(receiver.finish.call(receiver));
  })();
  // A WeakRef's target stays alive until the current job ends.
  for (let i = 0; i < 3; i++) {
    await new Promise((resolve) => setTimeout(resolve, 5));
    gc();
  }
  const reason = controller.signal.reason as Error;
  return { survives: ref.deref() !== undefined, reason, stack: String(reason.stack) };
}

describe("releaseRenderAbortStacks", () => {
  beforeAll(() => {
    releaseRenderAbortStacks();
    releaseRenderAbortStacks(); // installing twice wraps once
  });

  it("lets go of what a finished render's abort reason would otherwise keep alive", async () => {
    const { survives, reason, stack } = await receiverSurvives(`${RENDER_COMPLETED_MESSAGE} All cacheSignals are now aborted.`);
    expect(survives).toBe(false);
    expect(reason).toBeInstanceOf(Error);
    expect(stack).toBe(`Error: ${RENDER_COMPLETED_MESSAGE} All cacheSignals are now aborted.`);
  });

  it("leaves every other abort reason, and its stack, as it was", async () => {
    // The control: an error whose stack is never read keeps its receiver alive (what leaked).
    const { survives, stack } = await receiverSurvives("The user aborted a request.");
    expect(survives).toBe(true);
    expect(stack).toMatch(/^Error: The user aborted a request\.\n\s+at /);
    const controller = new AbortController();
    controller.abort("a plain reason");
    expect(controller.signal.reason).toBe("a plain reason");
    expect(controller.signal.aborted).toBe(true);
  });
});
