// Types for next.config.mjs, for the tests that read its rewrites (allowJs is off).
import type { NextConfig } from "next";

export declare const CALCULATOR_QUERY_KEYS: string[];
declare const nextConfig: NextConfig;
export default nextConfig;
