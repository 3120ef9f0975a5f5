// Runs before first paint on every page:
// - applies the theme cookie (light / dark / system) to <html>, so a dark page never flashes
//   white (the settings page writes the cookie from the user's preference);
// - keeps the `tz` cookie equal to the browser's time zone, so the server can tell a signed-in
//   homeowner's times of day in their zone (lib/format.ts; UTC until the cookie exists).
const script = `(function(){try{var m=document.cookie.match(/(?:^|; )theme=(light|dark|system)/);var t=m?m[1]:"system";var d=t==="dark"||(t==="system"&&window.matchMedia("(prefers-color-scheme: dark)").matches);document.documentElement.classList.toggle("dark",d);document.documentElement.dataset.theme=t;}catch(e){}try{var z=Intl.DateTimeFormat().resolvedOptions().timeZone;var c=document.cookie.match(/(?:^|; )tz=([^;]*)/);if(z&&/^[A-Za-z0-9_+\\-\\/]{1,64}$/.test(z)&&(!c||c[1]!==z))document.cookie="tz="+z+"; path=/; max-age=31536000; samesite=lax";}catch(e){}})();`;

export function ThemeScript() {
  return <script dangerouslySetInnerHTML={{ __html: script }} />;
}
