"use client";

import { useEffect, useRef, useState, type ReactNode } from "react";

/**
 * Shows a chart's static picture (drawn with the page's HTML, no script) and swaps in the
 * interactive recharts drawing (`children`, a next/dynamic component) only when the reader
 * reaches for it: the pointer enters the chart, a finger touches it, or keyboard focus reaches
 * its "Explore" button. recharts (~110 KB gzipped, a long task to start on a phone) thus stays
 * out of the page load even when the chart is in view at once, as it is on a phone.
 *
 * The box keeps its size throughout and the picture stays until the drawing is on screen, so
 * nothing moves or flashes. A keyboard user gets the interactive chart with focus in it, where the
 * arrow keys step through the values (recharts' accessibility layer).
 */
export function ChartStage({ picture, exploreLabel, children }: { picture: ReactNode; exploreLabel: string; children: ReactNode }) {
  const [live, setLive] = useState(false);
  const [drawn, setDrawn] = useState(false);
  const focusWhenDrawn = useRef(false);
  const liveBox = useRef<HTMLDivElement>(null);
  const explore = useRef<HTMLButtonElement>(null);

  // The drawing arrives in steps (the module, then a measured size, then the SVG); the picture
  // gives way once recharts' surface exists. If the reader came by keyboard and is still on the
  // Explore button, focus follows into the chart.
  useEffect(() => {
    const box = liveBox.current;
    if (!live || drawn || !box) return;
    const settle = () => {
      // The chart's own surface, not the legend icons (also svg.recharts-surface).
      const surface = box.querySelector<SVGSVGElement>(".recharts-wrapper > svg.recharts-surface");
      if (!surface) return false;
      const moveFocus = focusWhenDrawn.current && document.activeElement === explore.current;
      setDrawn(true);
      if (moveFocus) surface.focus();
      return true;
    };
    if (settle()) return;
    const observer = new MutationObserver(() => {
      if (settle()) observer.disconnect();
    });
    observer.observe(box, { childList: true, subtree: true });
    return () => observer.disconnect();
  }, [live, drawn]);

  const goLive = () => setLive(true);

  return (
    <div className="relative h-full w-full" onPointerEnter={goLive} onTouchStart={goLive} data-chart-stage={drawn ? "interactive" : "picture"}>
      {!drawn && (
        <div className="h-full w-full" aria-hidden="true">
          {picture}
        </div>
      )}
      {live && (
        <div ref={liveBox} className={drawn ? "h-full w-full" : "absolute inset-0 opacity-0"}>
          {children}
        </div>
      )}
      {!drawn && (
        <button
          ref={explore}
          type="button"
          onFocus={() => {
            focusWhenDrawn.current = true;
            goLive();
          }}
          onClick={() => {
            focusWhenDrawn.current = true;
            goLive();
          }}
          className="sr-only rounded-lg bg-white px-3 py-1.5 text-sm font-medium text-slate-800 shadow focus:not-sr-only focus:absolute focus:right-2 focus:top-2 dark:bg-slate-800 dark:text-slate-100"
        >
          {exploreLabel}
        </button>
      )}
    </div>
  );
}
