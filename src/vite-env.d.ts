/** The app's version, set at build time (package.json version, or APP_BUILD_ID). */
declare const __APP_VERSION__: string;
