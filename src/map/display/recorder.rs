//! A [`Canvas`] that keeps what it is asked to draw as display-list items: how pictures
//! add their title, legend and caption to a frame's list, and how tests see a drawing.

use super::{Canvas, Item, Line, Meta, Paint, TextStyle};

/// A [`Canvas`] that records what it is asked to draw as display-list items.
pub struct Recorder<'a>(pub &'a mut Vec<Item>);

impl Canvas for Recorder<'_> {
    fn begin_group(&mut self, id: &str) {
        let id = match id {
            "title" => "title",
            "legend" => "legend",
            "caption" => "caption",
            _ => "group",
        };
        self.0.push(Item::Group(id));
    }
    fn end_group(&mut self) {
        self.0.push(Item::EndGroup);
    }
    fn rings(
        &mut self,
        rings: &[Vec<[f32; 2]>],
        fill: Option<Paint>,
        line: Option<&Line>,
        _meta: Option<Meta>,
    ) {
        self.0.push(Item::Rings {
            rings: rings.to_vec(),
            fill,
            line: line.copied(),
        });
    }
    fn polyline(&mut self, points: &[[f32; 2]], line: &Line, meta: Option<Meta>) {
        self.0.push(Item::Polyline {
            points: points.to_vec(),
            line: *line,
            meta,
        });
    }
    fn circle(&mut self, center: [f32; 2], radius: f32, fill: Paint, line: &Line) {
        self.0.push(Item::Circle {
            center,
            radius,
            fill,
            line: *line,
        });
    }
    fn rect(&mut self, min: [f32; 2], max: [f32; 2], fill: Option<Paint>, line: Option<&Line>) {
        self.0.push(Item::Rect {
            min,
            max,
            fill,
            line: line.copied(),
        });
    }
    fn text(&mut self, at: [f32; 2], text: &str, style: &TextStyle) {
        self.0.push(Item::Text {
            at,
            text: text.to_owned(),
            style: *style,
        });
    }
}
