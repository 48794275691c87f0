//! A synthetic event file in ACLED's 31-column layout, for benchmarks: made-up rows (no real
//! event, actor or source; every note says so), deterministic for a seed, dates from 2012 to
//! 2025 in ACLED's order (newest first), places clustered over West Africa and the Sahel.
//! About 225 bytes a row, so 10⁶ rows stay under the readers' 256 MiB limit.

use std::io::Write;

/// ACLED's 31 columns.
pub const HEADER: &str = "event_id_cnty,event_date,year,time_precision,disorder_type,event_type,\
sub_event_type,actor1,assoc_actor_1,inter1,actor2,assoc_actor_2,inter2,interaction,\
civilian_targeting,iso,region,country,admin1,admin2,admin3,location,latitude,longitude,\
geo_precision,source,source_scale,notes,fatalities,tags,timestamp";

const TYPES: [(&str, &str, &str); 6] = [
    ("Battles", "Armed clash", "Political violence"),
    ("Violence against civilians", "Attack", "Political violence"),
    (
        "Explosions/Remote violence",
        "Air/drone strike",
        "Political violence",
    ),
    ("Riots", "Mob violence", "Demonstrations"),
    ("Protests", "Peaceful protest", "Demonstrations"),
    (
        "Strategic developments",
        "Looting",
        "Strategic developments",
    ),
];

/// Cluster centres (lon, lat) and the country the rows there name, with its ISO number.
const PLACES: [(f64, f64, &str, u16); 6] = [
    (-1.5, 14.5, "Mali", 466),
    (-1.0, 12.5, "Burkina Faso", 854),
    (2.5, 14.0, "Niger", 562),
    (15.0, 12.0, "Chad", 148),
    (8.0, 10.5, "Nigeria", 566),
    (-10.5, 18.0, "Mauritania", 478),
];

/// xorshift64*: fast, deterministic, good enough for test data.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
    fn unit(&mut self) -> f64 {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64
    }
}

/// Writes `rows` synthetic rows (and the header) to `out`.
pub fn write_synthetic_acled(out: &mut impl Write, rows: usize, seed: u64) -> std::io::Result<()> {
    let mut rng = Rng(seed | 1);
    writeln!(out, "{HEADER}")?;
    // 2012-01-01 is day 15340, 2025-12-31 day 20453: newest first, as ACLED exports.
    let (first, last) = (15_340u64, 20_453u64);
    for r in 0..rows {
        let day = last - (r as u64 * (last - first + 1)) / rows.max(1) as u64;
        let (y, m, d) = civil(day as i64);
        let (kind, sub, disorder) = TYPES[rng.below(6) as usize];
        let (lon0, lat0, country, iso) = PLACES[rng.below(6) as usize];
        let lon = lon0 + (rng.unit() - 0.5) * 6.0;
        let lat = lat0 + (rng.unit() - 0.5) * 4.0;
        let fatalities = if rng.below(3) == 0 {
            0
        } else {
            rng.below(8) * rng.below(4)
        };
        let a1 = rng.below(2000);
        let a2 = rng.below(500);
        let date = if r % 2 == 0 {
            format!("{y:04}-{m:02}-{d:02}")
        } else {
            format!("{d:02} {} {y}", MONTHS[(m - 1) as usize])
        };
        writeln!(
            out,
            "SYN{r},{date},{y},1,{disorder},{kind},{sub},Synthetic actor {a1},,2,Synthetic actor {a2},,1,12,,{iso},Western Africa,{country},Region {},District {},,Place {},{lat:.4},{lon:.4},1,Synthetic,Other,Synthetic row; not a real event.,{fatalities},,{}",
            a1 % 40,
            a1 % 200,
            a1,
            1_700_000_000 + r
        )?;
    }
    Ok(())
}

const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// The civil date of a day number (Howard Hinnant's `civil_from_days`).
fn civil(z: i64) -> (i64, i64, i64) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i64::from(m <= 2);
    (y, m, d)
}
