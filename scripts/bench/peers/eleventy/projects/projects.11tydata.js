// Every project file: index.el.md at /YEAR/SLUG/, index.en.md at /en/YEAR/SLUG/.
const parts = (inputPath) => {
  const [, year, slug, lang] = /([^/]+)\/([^/]+)\/index\.([a-z]+)\.md$/.exec(inputPath);
  return { year, slug, lang };
};

export default {
  layout: 'project.njk',
  eleventyComputed: {
    lang: (data) => parts(data.page.inputPath).lang,
    year: (data) => parts(data.page.inputPath).year,
    permalink: (data) => {
      const { year, slug, lang } = parts(data.page.inputPath);
      return `${lang === 'el' ? '' : `/${lang}`}/${year}/${slug}/`;
    },
  },
};
