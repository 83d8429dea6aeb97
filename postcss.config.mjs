// Tailwind CSS through PostCSS, as Next.js builds the stylesheet.
const config = { plugins: { "@tailwindcss/postcss": {} } };

export default config;
