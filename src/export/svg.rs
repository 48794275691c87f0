//! The SVG backend: the picture as vector elements. One `<path>` per country (even-odd fill)
//! in `<g id="countries">`, the borders as one path, links as paths with their dashes,
//! `<text>` in Ubuntu with a sans-serif fallback. Every text and attribute is XML-escaped.

use std::fmt::Write as _;

use super::picture;
use super::{MapData, RenderOptions};
use crate::map::display::{self, Anchor, Canvas, Line, Meta, Paint, TextStyle};
use crate::map::style;

/// Draws the map at `options.date` as an SVG document.
///
/// The size is not limited as a PNG's is (nothing is rasterised); a zero side gives an empty
/// picture.
pub fn render_svg(data: &MapData<'_>, options: &RenderOptions) -> String {
    let [w, h] = options.size;
    let mut canvas = SvgCanvas {
        out: String::with_capacity(1 << 20),
        data: Some(data),
    };
    let lang = crate::model::i18n::current_lang();
    let title = format!(
        "{} — {}",
        data.timeline.scenario().title_in(lang),
        crate::model::i18n::format_day_long(options.date, lang)
    );
    let _ = write!(
        canvas.out,
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n\
         <svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" width=\"{w}\" height=\"{h}\" \
         viewBox=\"0 0 {w} {h}\" font-family=\"Ubuntu, sans-serif\">\n<title>{}</title>\n",
        escape(&title)
    );
    let list = picture::frame(data, options);
    display::replay(&list, data.layer, &mut canvas);
    canvas.out.push_str("</svg>\n");
    canvas.out
}

struct SvgCanvas<'a> {
    out: String,
    /// The map the shapes come from, to name them; `None` for a chart.
    data: Option<&'a MapData<'a>>,
}

/// Items that need no layer (a chart) as an SVG document of `size` pixels on `background`.
pub fn items_svg(
    size: [f32; 2],
    title: &str,
    background: style::Rgb,
    items: &[display::Item],
) -> String {
    let [w, h] = size.map(num);
    let mut canvas = SvgCanvas {
        out: String::new(),
        data: None,
    };
    let _ = write!(
        canvas.out,
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n\
         <svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" width=\"{w}\" height=\"{h}\" \
         viewBox=\"0 0 {w} {h}\" font-family=\"Ubuntu, sans-serif\">\n<title>{}</title>\n\
         <rect width=\"{w}\" height=\"{h}\" fill=\"{}\"/>\n",
        escape(title),
        style::hex(background)
    );
    display::replay_items(items, None, &mut canvas);
    canvas.out.push_str("</svg>\n");
    canvas.out
}

/// `text` with `&`, `<`, `>`, `"` and `'` escaped, and characters XML 1.0 forbids dropped.
pub(crate) fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\t' | '\n' | '\r' => out.push(c),
            c if u32::from(c) < 0x20 || c == '\u{FFFE}' || c == '\u{FFFF}' => {}
            c => out.push(c),
        }
    }
    out
}

/// A coordinate with one decimal, without a trailing `.0`.
fn num(v: f32) -> String {
    let r = (v * 10.0).round() / 10.0;
    if r == r.trunc() {
        format!("{}", r as i64)
    } else {
        format!("{r:.1}")
    }
}

fn fill_attrs(fill: Option<Paint>) -> String {
    match fill {
        None => " fill=\"none\"".to_owned(),
        Some(p) if p.alpha < 1.0 => format!(
            " fill=\"{}\" fill-opacity=\"{:.2}\"",
            style::hex(p.rgb),
            p.alpha
        ),
        Some(p) => format!(" fill=\"{}\"", style::hex(p.rgb)),
    }
}

fn stroke_attrs(line: Option<&Line>) -> String {
    let Some(line) = line else {
        return String::new();
    };
    let mut s = format!(
        " stroke=\"{}\" stroke-width=\"{}\" stroke-linejoin=\"round\"",
        style::hex(line.paint.rgb),
        line.width
    );
    if line.paint.alpha < 1.0 {
        let _ = write!(s, " stroke-opacity=\"{:.2}\"", line.paint.alpha);
    }
    if let Some((dash, gap)) = line.dash {
        let _ = write!(s, " stroke-dasharray=\"{dash} {gap}\"");
    }
    s
}

impl SvgCanvas<'_> {
    /// The class, key and title of what a shape stands for.
    fn meta_attrs(&self, meta: Option<Meta>) -> (String, String) {
        let named = match (meta, self.data) {
            (Some(Meta::Country(c)), Some(data)) => data.layer.country(c).map(|c| {
                (
                    "country",
                    c.key.as_str(),
                    c.name_in(crate::model::i18n::current_lang()),
                )
            }),
            (Some(Meta::Link(r, status)), Some(data)) => data
                .timeline
                .scenario()
                .relationship_at(r)
                .map(|r| (status.as_str(), r.id.as_str(), r.label.as_str())),
            _ => None,
        };
        match named {
            Some((class, key, title)) => (
                format!(" class=\"{}\" data-key=\"{}\"", escape(class), escape(key)),
                format!("<title>{}</title>", escape(title)),
            ),
            None => (String::new(), String::new()),
        }
    }

    fn path(&mut self, d: &str, attrs: &str, meta: Option<Meta>) {
        let (meta_attrs, title) = self.meta_attrs(meta);
        if title.is_empty() {
            let _ = writeln!(self.out, "<path{meta_attrs}{attrs} d=\"{d}\"/>");
        } else {
            let _ = writeln!(
                self.out,
                "<path{meta_attrs}{attrs} d=\"{d}\">{title}</path>"
            );
        }
    }
}

impl Canvas for SvgCanvas<'_> {
    fn begin_group(&mut self, id: &str) {
        let _ = writeln!(self.out, "<g id=\"{}\">", escape(id));
    }

    fn end_group(&mut self) {
        self.out.push_str("</g>\n");
    }

    fn rings(
        &mut self,
        rings: &[Vec<[f32; 2]>],
        fill: Option<Paint>,
        line: Option<&Line>,
        meta: Option<Meta>,
    ) {
        let mut d = String::new();
        for ring in rings {
            for (i, p) in ring.iter().enumerate() {
                d.push(if i == 0 { 'M' } else { 'L' });
                d.push_str(&num(p[0]));
                d.push(' ');
                d.push_str(&num(p[1]));
            }
            if !ring.is_empty() {
                d.push('Z');
            }
        }
        if d.is_empty() {
            return;
        }
        let attrs = format!(
            "{} fill-rule=\"evenodd\"{}",
            fill_attrs(fill),
            stroke_attrs(line)
        );
        self.path(&d, &attrs, meta);
    }

    fn polyline(&mut self, points: &[[f32; 2]], line: &Line, meta: Option<Meta>) {
        let mut d = String::new();
        for (i, p) in points.iter().enumerate() {
            d.push(if i == 0 { 'M' } else { 'L' });
            d.push_str(&num(p[0]));
            d.push(' ');
            d.push_str(&num(p[1]));
        }
        if points.len() < 2 {
            return;
        }
        let attrs = format!("{}{}", fill_attrs(None), stroke_attrs(Some(line)));
        self.path(&d, &attrs, meta);
    }

    fn circle(&mut self, center: [f32; 2], radius: f32, fill: Paint, line: &Line) {
        let _ = writeln!(
            self.out,
            "<circle cx=\"{}\" cy=\"{}\" r=\"{}\"{}{}/>",
            num(center[0]),
            num(center[1]),
            num(radius),
            fill_attrs(Some(fill)),
            stroke_attrs(Some(line))
        );
    }

    fn rect(&mut self, min: [f32; 2], max: [f32; 2], fill: Option<Paint>, line: Option<&Line>) {
        let _ = writeln!(
            self.out,
            "<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\"{}{}/>",
            num(min[0]),
            num(min[1]),
            num((max[0] - min[0]).max(0.0)),
            num((max[1] - min[1]).max(0.0)),
            fill_attrs(fill),
            stroke_attrs(line)
        );
    }

    fn text(&mut self, at: [f32; 2], text: &str, style: &TextStyle) {
        let anchor = match style.anchor {
            Anchor::Start => "",
            Anchor::Middle => " text-anchor=\"middle\"",
            Anchor::End => " text-anchor=\"end\"",
        };
        let y = display::baseline_y(at[1], style.size);
        let (x, y, size, text) = (num(at[0]), num(y), style.size, escape(text));
        if style.halo {
            // The app's halo: white at 200/255 around the glyphs, as its own element under
            // the text (renderers without SVG 2's paint-order draw it right too).
            let _ = writeln!(
                self.out,
                "<text x=\"{x}\" y=\"{y}\" font-size=\"{size}\"{anchor} fill=\"none\" \
                 stroke=\"#ffffff\" stroke-opacity=\"0.78\" stroke-width=\"2\" \
                 stroke-linejoin=\"round\">{text}</text>"
            );
        }
        let _ = writeln!(
            self.out,
            "<text x=\"{x}\" y=\"{y}\" font-size=\"{size}\"{anchor}{}>{text}</text>",
            fill_attrs(Some(style.paint)),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_markup_and_drops_control_characters() {
        assert_eq!(
            escape("A & B <c> \"d\" 'e'\u{1}"),
            "A &amp; B &lt;c&gt; &quot;d&quot; &apos;e&apos;"
        );
    }

    #[test]
    fn numbers_are_short() {
        assert_eq!(num(12.0), "12");
        assert_eq!(num(12.34), "12.3");
        assert_eq!(num(-0.04), "0");
    }
}
