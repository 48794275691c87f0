//! A country layer made ready for the map: projected, triangulated and indexed once, when it
//! loads. Painting only transforms these vertices; hit tests use an R-tree of polygon bounds.

use geo::{
    Area, Coord, CoordsIter, LineString, MultiPolygon, Polygon, Simplify, TriangulateEarcut,
};
use rstar::primitives::{GeomWithData, Rectangle};
use rstar::{AABB, RTree};

use std::sync::{Arc, Mutex, OnceLock};

use crate::io::{Country, CountryIx, CountryLayer};

use super::pip::BandedPolygon;
use super::projection::world_from_lon_lat;

/// The triangles and outlines of one country, in world coordinates (f32: positions relative
/// to the screen are computed in f64 first where precision matters).
#[derive(Clone, Debug, Default)]
pub struct CountryMesh {
    /// Triangle vertices.
    pub vertices: Vec<[f32; 2]>,
    /// Three indices per triangle into `vertices`.
    pub indices: Vec<u32>,
    /// Where each ring (outer and holes, polygon after polygon) ends in `vertices`: the
    /// triangle vertices are the rings' points in order, without repeating the first point.
    pub ring_ends: Vec<u32>,
    /// World bounding box: min x, min y, max x, max y.
    pub bbox: [f64; 4],
}

impl CountryMesh {
    /// Every ring (outer and holes) as its points, without the closing repeat of the first.
    pub fn rings(&self) -> impl Iterator<Item = &[[f32; 2]]> + '_ {
        let mut start = 0;
        self.ring_ends.iter().map(move |&end| {
            let ring = self.vertices.get(start..end as usize).unwrap_or(&[]);
            start = end as usize;
            ring
        })
    }

    /// Appends a ring given with or without its closing point, growing the bounding box.
    fn push_ring(&mut self, ring: &LineString<f64>) {
        self.push_points(&ring.0);
    }

    /// [`Self::push_ring`] of a ring's points.
    fn push_points(&mut self, ring: &[Coord<f64>]) {
        let points = match ring.split_last() {
            Some((last, rest)) if rest.first() == Some(last) => rest,
            _ => ring,
        };
        for c in points {
            self.bbox = [
                self.bbox[0].min(c.x),
                self.bbox[1].min(c.y),
                self.bbox[2].max(c.x),
                self.bbox[3].max(c.y),
            ];
        }
        self.vertices
            .extend(points.iter().map(|c| [c.x as f32, c.y as f32]));
        self.ring_ends.push(self.vertices.len() as u32);
    }
}

type PolygonBox = GeomWithData<Rectangle<[f64; 2]>, (u32, u32)>;

/// Layers with more vertices than this get simplified copies for low zooms.
const LOD_MIN_VERTICES: usize = 40_000;

/// Simplified copies of a layer's meshes for low zooms: each is used below `max_scale`
/// (points per world unit), where its simplification stays within a point on screen (half a
/// point at the bottom of its range, which is half its `max_scale`).
#[derive(Clone, Debug)]
struct Lod {
    max_scale: f64,
    meshes: Vec<CountryMesh>,
}

/// The scales below which the simplified levels are used, coarsest first: each level is
/// used for at most a factor of two in zoom, so what it draws stays near the screen's
/// resolution.
const LOD_SCALES: [f64; 4] = [200.0, 400.0, 800.0, 1600.0];

impl std::ops::Index<CountryIx> for [CountryMesh] {
    type Output = CountryMesh;
    fn index(&self, country: CountryIx) -> &CountryMesh {
        &self[country.index()]
    }
}

/// A layer ready to draw and to hit-test. Its countries and their per-country tables
/// ([`Self::meshes`], [`Self::labels_world`]) are indexed by [`CountryIx`].
pub struct MapLayer {
    /// The countries with their properties.
    pub layer: Arc<CountryLayer>,
    /// Per country, its mesh at full detail.
    pub meshes: Vec<CountryMesh>,
    /// Simplified meshes for low zooms (large layers only), coarsest first; built on a
    /// background thread after the layer is ready, used once there.
    lods: Arc<OnceLock<Vec<Lod>>>,
    lod_worker: Mutex<Option<std::thread::JoinHandle<()>>>,
    /// Per country, its label point in world coordinates.
    pub labels_world: Vec<[f64; 2]>,
    /// Per country, the lon/lat bounding box of its largest part.
    largest_parts: Vec<Option<[f64; 4]>>,
    /// Per country, per polygon: prepared for point-in-polygon tests.
    polygons_world: Vec<Vec<BandedPolygon>>,
    index: RTree<PolygonBox>,
}

impl std::fmt::Debug for MapLayer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("MapLayer")
            .field("source", &self.layer.source)
            .field("countries", &self.layer.countries.len())
            .finish_non_exhaustive()
    }
}

impl MapLayer {
    /// Projects, triangulates and indexes a loaded layer, on two threads (the countries split
    /// into halves of equal vertex counts). Large layers then get simplified meshes for low
    /// zooms on a background thread; until they are ready the full meshes are drawn.
    ///
    /// The countries' lon/lat shapes live on as the meshes' vertices: the layer hands them
    /// to the simplifying thread, which lets them go, so `shape_lon_lat` is empty in
    /// [`Self::countries`] (the 1:10m layer's shapes are 9 MB).
    pub fn new(mut layer: CountryLayer) -> Self {
        let built: Vec<BuiltCountry> = on_two_threads(&layer.countries, vertex_count, |part| {
            part.iter().map(build_country).collect()
        });

        let mut meshes = Vec::with_capacity(built.len());
        let mut polygons_world = Vec::with_capacity(built.len());
        let mut labels_world = Vec::with_capacity(built.len());
        let mut largest_parts = Vec::with_capacity(built.len());
        let mut boxes = Vec::new();
        for (c, b) in built.into_iter().enumerate() {
            for (p, bbox) in b.boxes.iter().enumerate() {
                boxes.push(GeomWithData::new(
                    Rectangle::from_corners([bbox[0], bbox[1]], [bbox[2], bbox[3]]),
                    (c as u32, p as u32),
                ));
            }
            meshes.push(b.mesh);
            polygons_world.push(b.polygons);
            labels_world.push(b.label);
            largest_parts.push(b.largest_part_lon_lat);
        }
        let large = layer.vertex_count() > LOD_MIN_VERTICES;
        let shapes: Vec<MultiPolygon<f64>> = layer
            .countries
            .iter_mut()
            .map(|c| std::mem::replace(&mut c.shape_lon_lat, MultiPolygon(Vec::new())))
            .collect();
        let lods = Arc::new(OnceLock::new());
        let lod_worker = large
            .then(|| {
                let lods = lods.clone();
                std::thread::Builder::new()
                    .name("simplify".into())
                    .spawn(move || {
                        let _ = lods.set(simplified_levels(&shapes));
                    })
                    .ok()
            })
            .flatten();
        Self {
            layer: Arc::new(layer),
            meshes,
            lods,
            lod_worker: Mutex::new(lod_worker),
            labels_world,
            largest_parts,
            polygons_world,
            index: RTree::bulk_load(boxes),
        }
    }

    /// The lon/lat bounding box of a country's largest part (by area), to frame it: France
    /// without French Guiana, Norway without Svalbard.
    pub fn largest_part_lon_lat(&self, country: CountryIx) -> Option<[f64; 4]> {
        self.largest_parts.get(country.index()).copied().flatten()
    }

    /// A country's label point, world coordinates.
    pub fn label_world(&self, country: CountryIx) -> Option<[f64; 2]> {
        self.labels_world.get(country.index()).copied()
    }

    /// How many polygons (parts) a country has.
    pub fn part_count(&self, country: CountryIx) -> usize {
        self.polygons_world.get(country.index()).map_or(0, Vec::len)
    }

    /// Whether the simplified meshes for low zooms are ready (always, for small layers).
    pub fn simplified_ready(&self) -> bool {
        self.lods.get().is_some()
            || self
                .lod_worker
                .lock()
                .map_or(true, |worker| worker.is_none())
    }

    /// Waits until the simplified meshes are built (benchmarks and exports of low zooms).
    pub fn wait_for_simplified(&self) {
        let worker = self
            .lod_worker
            .lock()
            .ok()
            .and_then(|mut worker| worker.take());
        if let Some(worker) = worker {
            let _ = worker.join();
        }
    }

    /// Projects a layer for drawing outlines only (exports): rings, bounding boxes and label
    /// points, without triangles, simplified copies or hit-test indexes. Hit tests on it find
    /// nothing and its meshes have no triangles.
    pub fn outlines_only(mut layer: CountryLayer) -> Self {
        let outline = |country: &Country| {
            let mesh = outline_mesh_of(&country.shape_lon_lat);
            let label = label_world(country, &mesh);
            (mesh, label)
        };
        let built = on_two_threads(&layer.countries, vertex_count, |part| {
            part.iter().map(outline).collect()
        });
        let (meshes, labels_world): (Vec<_>, Vec<_>) = built.into_iter().unzip();
        for country in &mut layer.countries {
            country.shape_lon_lat = MultiPolygon(Vec::new());
        }
        Self {
            polygons_world: vec![Vec::new(); layer.countries.len()],
            largest_parts: vec![None; layer.countries.len()],
            layer: Arc::new(layer),
            meshes,
            lods: Arc::new(OnceLock::new()),
            lod_worker: Mutex::new(None),
            labels_world,
            index: RTree::new(),
        }
    }

    /// The meshes to draw at a scale (points per world unit): simplified at low zooms for
    /// large layers, full detail otherwise. Same order and bounding boxes as [`Self::meshes`].
    pub fn meshes_for_scale(&self, scale: f64) -> &[CountryMesh] {
        self.lods
            .get()
            .into_iter()
            .flatten()
            .find(|lod| scale < lod.max_scale)
            .map_or(&self.meshes, |lod| &lod.meshes)
    }

    /// The countries.
    pub fn countries(&self) -> &[Country] {
        &self.layer.countries
    }

    /// Every country with its index, in the layer's order.
    pub fn countries_ix(&self) -> impl Iterator<Item = (CountryIx, &Country)> {
        (self.layer.countries.iter())
            .enumerate()
            .map(|(i, c)| (CountryIx::new(i), c))
    }

    /// The country at `country`, if there is one.
    pub fn country(&self, country: CountryIx) -> Option<&Country> {
        self.layer.countries.get(country.index())
    }

    /// The country containing a world point, if any (index into [`Self::countries`]).
    pub fn country_at_world(&self, world: [f64; 2]) -> Option<CountryIx> {
        self.index
            .locate_all_at_point(&world)
            .find(|b| {
                let (c, p) = b.data;
                let (Some(polygons), Some(mesh)) = (
                    self.polygons_world.get(c as usize),
                    self.meshes.get(c as usize),
                ) else {
                    return false;
                };
                polygons
                    .get(p as usize)
                    .is_some_and(|polygon| polygon.contains(&mesh.vertices, world[0], world[1]))
            })
            .map(|b| CountryIx::new(b.data.0 as usize))
    }

    /// The country containing a longitude/latitude, if any.
    pub fn country_at_lon_lat(&self, lon: f64, lat: f64) -> Option<CountryIx> {
        self.country_at_world(world_from_lon_lat(lon, lat))
    }

    /// Index of the country with this key.
    pub fn country_index(&self, key: &str) -> Option<CountryIx> {
        self.layer
            .countries
            .iter()
            .position(|c| c.key == key)
            .map(CountryIx::new)
    }

    /// Indices of the countries whose bounding box meets a world rectangle.
    pub fn countries_in(
        &self,
        min: [f64; 2],
        max: [f64; 2],
    ) -> impl Iterator<Item = CountryIx> + '_ {
        let envelope = AABB::from_corners(min, max);
        self.meshes.iter().enumerate().filter_map(move |(i, m)| {
            let b = m.bbox;
            let overlaps = b[0] <= envelope.upper()[0]
                && b[2] >= envelope.lower()[0]
                && b[1] <= envelope.upper()[1]
                && b[3] >= envelope.lower()[1];
            overlaps.then_some(CountryIx::new(i))
        })
    }

    /// Total triangle vertices, for statistics.
    pub fn triangle_vertex_count(&self) -> usize {
        self.meshes.iter().map(|m| m.vertices.len()).sum()
    }
}

fn project_multipolygon(shape: &MultiPolygon<f64>) -> MultiPolygon<f64> {
    let project_ring = |ring: &LineString<f64>| {
        LineString(
            ring.0
                .iter()
                .map(|c| {
                    let [x, y] = world_from_lon_lat(c.x, c.y);
                    Coord { x, y }
                })
                .collect(),
        )
    };
    MultiPolygon(
        shape
            .0
            .iter()
            .map(|p| {
                Polygon::new(
                    project_ring(p.exterior()),
                    p.interiors().iter().map(project_ring).collect(),
                )
            })
            .collect(),
    )
}

/// One country made ready: its mesh, prepared polygons, label point and polygon bounds.
struct BuiltCountry {
    mesh: CountryMesh,
    polygons: Vec<BandedPolygon>,
    label: [f64; 2],
    boxes: Vec<[f64; 4]>,
    largest_part_lon_lat: Option<[f64; 4]>,
}

/// The simplified levels of a layer's shapes (lon/lat), built on two threads.
fn simplified_levels(shapes: &[MultiPolygon<f64>]) -> Vec<Lod> {
    let epsilons: Vec<f64> = LOD_SCALES.iter().map(|&s| 1.0 / s).collect();
    let built: Vec<Vec<CountryMesh>> = on_two_threads(shapes, shape_vertex_count, |part| {
        part.iter()
            .map(|shape| {
                let shape = project_multipolygon(shape);
                let bbox = ring_bbox_of(&shape);
                simplified_meshes_of(&shape, bbox, &epsilons)
            })
            .collect()
    });
    LOD_SCALES
        .iter()
        .enumerate()
        .map(|(k, &max_scale)| Lod {
            max_scale,
            meshes: built.iter().map(|lods| lods[k].clone()).collect(),
        })
        .collect()
}

/// `items` in two halves of about equal weight, the first holding the item that crosses the
/// middle (for work shared between two threads).
pub(crate) fn halves_by_weight<I>(items: &[I], weight: impl Fn(&I) -> usize) -> (&[I], &[I]) {
    let weights: Vec<usize> = items.iter().map(weight).collect();
    let total: usize = weights.iter().sum();
    let mut running = 0;
    let split = weights
        .iter()
        .position(|w| {
            running += w;
            running * 2 >= total
        })
        .map_or(items.len(), |i| i + 1);
    items.split_at(split)
}

/// Runs `work` over `items` split into two halves of equal weight, one on another thread,
/// and concatenates the results in order.
fn on_two_threads<I: Sync, T: Send>(
    items: &[I],
    weight: impl Fn(&I) -> usize,
    work: impl Fn(&[I]) -> Vec<T> + Sync,
) -> Vec<T> {
    let (first, second) = halves_by_weight(items, weight);
    std::thread::scope(|scope| {
        let other = scope.spawn(|| work(second));
        let mut out = work(first);
        match other.join() {
            Ok(rest) => out.extend(rest),
            Err(_) => out.extend(work(second)),
        }
        out
    })
}

fn vertex_count(country: &Country) -> usize {
    country.shape_lon_lat.coords_count()
}

fn shape_vertex_count(shape: &MultiPolygon<f64>) -> usize {
    shape.coords_count()
}

fn build_country(country: &Country) -> BuiltCountry {
    let shape = project_multipolygon(&country.shape_lon_lat);
    let mesh = mesh_of(&shape, true);
    let boxes = shape
        .0
        .iter()
        .filter_map(|p| ring_bbox(p.exterior()))
        .collect();
    // Each polygon's rings, as ranges of the mesh's vertices.
    let mut ring_ranges = Vec::with_capacity(mesh.ring_ends.len());
    let mut start = 0;
    for &end in &mesh.ring_ends {
        ring_ranges.push(start..end);
        start = end;
    }
    let mut rings = ring_ranges.into_iter();
    let polygons = shape
        .0
        .iter()
        .map(|p| {
            let of_polygon: Vec<_> = rings.by_ref().take(1 + p.interiors().len()).collect();
            BandedPolygon::new(&mesh.vertices, &of_polygon)
        })
        .collect();
    let largest_part_lon_lat = country
        .shape_lon_lat
        .0
        .iter()
        .max_by(|a, b| a.unsigned_area().total_cmp(&b.unsigned_area()))
        .and_then(|p| ring_bbox(p.exterior()));
    BuiltCountry {
        label: label_world(country, &mesh),
        polygons,
        boxes,
        largest_part_lon_lat,
        mesh,
    }
}

/// Simplified copies (Ramer–Douglas–Peucker in world units), one per epsilon; rings that
/// collapse are dropped; the bounding box stays the full-detail one.
fn simplified_meshes_of(
    shape: &MultiPolygon<f64>,
    bbox: [f64; 4],
    epsilons: &[f64],
) -> Vec<CountryMesh> {
    // Finest first, each level simplifying the one before, which is quicker than starting
    // from the full detail every time. The errors add up, so each step uses what is left of
    // its level's epsilon after the finer steps: a level stays within its own epsilon.
    let mut simple = shape.clone();
    let mut used = 0.0;
    let mut levels: Vec<CountryMesh> = epsilons
        .iter()
        .rev()
        .map(|&epsilon| {
            let step = (epsilon - used).max(0.0);
            used = epsilon;
            simple = MultiPolygon(
                simple
                    .0
                    .iter()
                    .map(|p| p.simplify(step))
                    .filter(|p| p.exterior().0.len() >= 4)
                    .collect(),
            );
            let mut lod = mesh_of(&simple, true);
            lod.bbox = bbox;
            lod
        })
        .collect();
    levels.reverse();
    levels
}

/// The bounding box of every ring of a shape.
fn ring_bbox_of(shape: &MultiPolygon<f64>) -> [f64; 4] {
    shape.0.iter().filter_map(|p| ring_bbox(p.exterior())).fold(
        [f64::MAX, f64::MAX, f64::MIN, f64::MIN],
        |a, b| {
            [
                a[0].min(b[0]),
                a[1].min(b[1]),
                a[2].max(b[2]),
                a[3].max(b[3]),
            ]
        },
    )
}

fn ring_bbox(ring: &LineString<f64>) -> Option<[f64; 4]> {
    let mut it = ring.0.iter();
    let first = it.next()?;
    let mut b = [first.x, first.y, first.x, first.y];
    for c in it {
        b[0] = b[0].min(c.x);
        b[1] = b[1].min(c.y);
        b[2] = b[2].max(c.x);
        b[3] = b[3].max(c.y);
    }
    Some(b)
}

/// A shape's rings as a mesh, with its triangles when `triangulate` (outlines only otherwise).
fn mesh_of(shape: &MultiPolygon<f64>, triangulate: bool) -> CountryMesh {
    let mut mesh = CountryMesh {
        bbox: [f64::MAX, f64::MAX, f64::MIN, f64::MIN],
        ..CountryMesh::default()
    };
    for polygon in &shape.0 {
        let base = mesh.vertices.len() as u32;
        // earcut numbers the rings' points in this order, each ring without its closing
        // point: the same vertices serve the triangles, the outlines and the hit tests.
        for ring in std::iter::once(polygon.exterior()).chain(polygon.interiors()) {
            mesh.push_ring(ring);
        }
        if !triangulate {
            continue;
        }
        let raw = polygon.earcut_triangles_raw();
        debug_assert_eq!(raw.vertices.len() as u32, mesh.vertices.len() as u32 - base);
        mesh.indices
            .extend(raw.triangle_indices.iter().map(|&i| base + i as u32));
    }
    mesh.vertices.shrink_to_fit();
    mesh.indices.shrink_to_fit();
    mesh
}

/// The mesh of `mesh_of(&project_multipolygon(shape), false)`, projected point by point into
/// one reused buffer rather than into a projected copy of the shape.
fn outline_mesh_of(shape: &MultiPolygon<f64>) -> CountryMesh {
    let mut mesh = CountryMesh {
        bbox: [f64::MAX, f64::MAX, f64::MIN, f64::MIN],
        ..CountryMesh::default()
    };
    mesh.vertices.reserve(shape.coords_count());
    let mut world = Vec::new();
    for polygon in &shape.0 {
        for ring in std::iter::once(polygon.exterior()).chain(polygon.interiors()) {
            world.clear();
            world.extend(ring.0.iter().map(|c| {
                let [x, y] = world_from_lon_lat(c.x, c.y);
                Coord { x, y }
            }));
            mesh.push_points(&world);
        }
    }
    mesh.vertices.shrink_to_fit();
    mesh
}

/// The label point: `LABEL_X`/`LABEL_Y`, else the centre of the largest polygon's bounds.
fn label_world(country: &Country, mesh: &CountryMesh) -> [f64; 2] {
    if let Some([lon, lat]) = country.label_lon_lat {
        return world_from_lon_lat(lon, lat);
    }
    let largest = country
        .shape_lon_lat
        .0
        .iter()
        .max_by_key(|p| p.exterior().0.len());
    match largest.and_then(|p| ring_bbox(p.exterior())) {
        Some(b) => world_from_lon_lat((b[0] + b[2]) / 2.0, (b[1] + b[3]) / 2.0),
        None => [
            (mesh.bbox[0] + mesh.bbox[2]) / 2.0,
            (mesh.bbox[1] + mesh.bbox[3]) / 2.0,
        ],
    }
}
