//! MP4 output: frames encoded as H.264 (Constrained Baseline, yuv420p) by OpenH264, Cisco's
//! BSD-licensed encoder that the `openh264` crate builds from source, in an MP4 file written
//! here.
//!
//! The muxer is small because the clip is simple: one video track, one sample per frame,
//! each lasting its frame's time (a held frame is one long sample), an `avcC` built from
//! the encoder's SPS and PPS, sync samples at the IDR frames. Samples go to a scratch file
//! as they are encoded, so memory holds only the sample tables (8 bytes a frame); at the end
//! the file is laid out for fast start: `ftyp`, `moov`, then `mdat` copied from the scratch
//! file, so a browser can start playing before it has the whole file.

use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};

use openh264::OpenH264API;
use openh264::encoder::{
    BitRate, Encoder, EncoderConfig, FrameRate, FrameType, IntraFramePeriod, QpRange,
    RateControlMode, UsageType, VuiConfig,
};
use openh264::formats::{RgbaSliceU8, YUVBuffer};

use super::ExportError;
use super::animation_frame::AnimationFrame;
use crate::io::atomic::ScratchFile;

/// Ticks per second of the track's clock.
pub(crate) const TIMESCALE: u32 = 90_000;

/// Turns a frame's RGBA into the encoder's YUV 4:2:0 (BT.601, limited range, as the stream's
/// VUI says); runs on the drawing threads.
pub(crate) fn yuv_of_rgba(
    size: [u32; 2],
) -> impl Fn(Vec<u8>) -> Result<YUVBuffer, ExportError> + Sync {
    move |rgba: Vec<u8>| {
        let (w, h) = (size[0] as usize, size[1] as usize);
        if rgba.len() != w * h * 4 || w % 2 != 0 || h % 2 != 0 {
            return Err(ExportError::Clip(format!(
                "a frame of {} bytes is not {w}×{h} RGBA with even sides",
                rgba.len()
            )));
        }
        Ok(YUVBuffer::from_rgba8_source(RgbaSliceU8::new(
            &rgba,
            (w, h),
        )))
    }
}

/// An MP4 being written: the encoder, the scratch file of samples and the sample tables.
pub(crate) struct Mp4Clip {
    encoder: Encoder,
    scratch: BufWriter<File>,
    scratch_path: PathBuf,
    size: [u32; 2],
    /// When each frame starts, in ticks, and (last) when the clip ends.
    ticks: Vec<u64>,
    sizes: Vec<u32>,
    durations: Vec<u32>,
    /// 1-based numbers of the sync (IDR) samples.
    keyframes: Vec<u32>,
    sps: Option<Vec<u8>>,
    pps: Option<Vec<u8>>,
    data_len: u64,
    sample: Vec<u8>,
    /// Named in errors.
    out: PathBuf,
}

impl Mp4Clip {
    /// Starts a clip of `frames` at `size` (even sides), writing samples to `scratch`.
    /// `out` is the file asked for, named in errors.
    pub(crate) fn create(
        scratch: &ScratchFile,
        out: &Path,
        size: [u32; 2],
        fps: f64,
        frames: &[AnimationFrame],
    ) -> Result<Self, ExportError> {
        let write_error = |source| ExportError::Write {
            path: out.to_path_buf(),
            source,
        };
        let scratch_path = scratch.path();
        let scratch =
            BufWriter::with_capacity(1 << 20, scratch.open_for_writing().map_err(write_error)?);
        // A key frame every five seconds of flowing time or so, so players can seek.
        let gop = (fps * 5.0).round().clamp(1.0, 600.0) as u32;
        // Generous for flat map colours and thin lines; rate control keeps quality, the
        // QP ceiling keeps text sharp.
        let bits = (f64::from(size[0]) * f64::from(size[1]) * fps.max(1.0) * 0.25)
            .clamp(500_000.0, 40_000_000.0) as u32;
        let config = EncoderConfig::new()
            // The camera tools are about four times as fast here as the screen-content
            // ones (7 against 25 ms a 720p frame), for files a third larger.
            .usage_type(UsageType::CameraVideoRealTime)
            .rate_control_mode(RateControlMode::Off)
            .adaptive_quantization(false)
            .background_detection(false)
            .bitrate(BitRate::from_bps(bits))
            .max_frame_rate(FrameRate::from_hz(fps as f32))
            .skip_frames(false)
            .qp(QpRange::new(10, 30))
            .intra_frame_period(IntraFramePeriod::from_num_frames(gop))
            .vui(VuiConfig::bt601())
            .num_threads(1);
        let encoder = Encoder::with_api_config(OpenH264API::from_source(), config)
            .map_err(|e| ExportError::Clip(format!("cannot start the H.264 encoder: {e}")))?;
        let mut ticks: Vec<u64> = frames
            .iter()
            .map(|f| (f.start * f64::from(TIMESCALE)).round() as u64)
            .collect();
        ticks.push(frames.last().map_or(0, |f| {
            ((f.start + f.seconds) * f64::from(TIMESCALE)).round() as u64
        }));
        Ok(Self {
            encoder,
            scratch,
            scratch_path: scratch_path.to_path_buf(),
            size,
            ticks,
            sizes: Vec::with_capacity(frames.len()),
            durations: Vec::with_capacity(frames.len()),
            keyframes: Vec::new(),
            sps: None,
            pps: None,
            data_len: 0,
            sample: Vec::new(),
            out: out.to_path_buf(),
        })
    }

    fn write_error(&self, source: std::io::Error) -> ExportError {
        ExportError::Write {
            path: self.out.clone(),
            source,
        }
    }

    /// Encodes frame `i` (frames come in order) and appends its sample.
    pub(crate) fn add_frame(&mut self, i: usize, yuv: &YUVBuffer) -> Result<(), ExportError> {
        let duration = match (self.ticks.get(i), self.ticks.get(i + 1)) {
            (Some(a), Some(b)) => u32::try_from(b.saturating_sub(*a).max(1)).unwrap_or(u32::MAX),
            _ => {
                return Err(ExportError::Clip(format!("frame {i} is not in the clip")));
            }
        };
        let stream = self
            .encoder
            .encode(yuv)
            .map_err(|e| ExportError::Clip(format!("the H.264 encoder failed: {e}")))?;
        let key = stream.frame_type() == FrameType::IDR;
        self.sample.clear();
        for l in 0..stream.num_layers() {
            let Some(layer) = stream.layer(l) else {
                continue;
            };
            for n in 0..layer.nal_count() {
                let Some(nal) = layer.nal_unit(n).map(strip_start_code) else {
                    continue;
                };
                match nal.first().map(|b| b & 0x1F) {
                    Some(7) => self.sps = Some(nal.to_vec()),
                    Some(8) => self.pps = Some(nal.to_vec()),
                    // Access unit delimiters are not stored in MP4 samples.
                    Some(9) | None => {}
                    Some(_) => {
                        let len = u32::try_from(nal.len())
                            .map_err(|_| ExportError::Clip("an H.264 unit over 4 GB".to_owned()))?;
                        self.sample.extend_from_slice(&len.to_be_bytes());
                        self.sample.extend_from_slice(nal);
                    }
                }
            }
        }
        if self.sample.is_empty() {
            // The encoder skipped the frame: the previous picture stays longer.
            return match self.durations.last_mut() {
                Some(d) => {
                    *d = d.saturating_add(duration);
                    Ok(())
                }
                None => Err(ExportError::Clip(
                    "the H.264 encoder gave nothing for the first frame".to_owned(),
                )),
            };
        }
        self.scratch
            .write_all(&self.sample)
            .map_err(|e| self.write_error(e))?;
        let len = self.sample.len() as u32;
        self.data_len += u64::from(len);
        self.sizes.push(len);
        self.durations.push(duration);
        if key || self.sizes.len() == 1 {
            self.keyframes.push(self.sizes.len() as u32);
        }
        Ok(())
    }

    /// Lays the file out in `out`: `ftyp`, `moov`, `mdat` (copied from the scratch file).
    /// The caller syncs and renames `out`, and removes the scratch file.
    pub(crate) fn finish(mut self, out: &mut dyn Write) -> Result<(), ExportError> {
        let (Some(sps), Some(pps)) = (self.sps.take(), self.pps.take()) else {
            return Err(ExportError::Clip(
                "the H.264 encoder gave no sequence or picture parameter set".to_owned(),
            ));
        };
        if sps.len() < 4 {
            return Err(ExportError::Clip("the H.264 SPS is too short".to_owned()));
        }
        self.scratch.flush().map_err(|e| self.write_error(e))?;
        let ftyp = ftyp();
        let large = self.data_len + 8 > u64::from(u32::MAX);
        let mdat_header: Vec<u8> = if large {
            let mut h = 1u32.to_be_bytes().to_vec();
            h.extend_from_slice(b"mdat");
            h.extend_from_slice(&(self.data_len + 16).to_be_bytes());
            h
        } else {
            let mut h = ((self.data_len + 8) as u32).to_be_bytes().to_vec();
            h.extend_from_slice(b"mdat");
            h
        };
        // The moov's size does not depend on the offset's value: build it once to measure.
        let moov_len = self.moov(&sps, &pps, 0).len() as u64;
        let offset = ftyp.len() as u64 + moov_len + mdat_header.len() as u64;
        let moov = self.moov(&sps, &pps, offset);
        let copy = (|| -> std::io::Result<()> {
            out.write_all(&ftyp)?;
            out.write_all(&moov)?;
            out.write_all(&mdat_header)?;
            let mut scratch = File::open(&self.scratch_path)?;
            std::io::copy(&mut scratch, &mut *out)?;
            out.flush()
        })();
        copy.map_err(|e| self.write_error(e))
    }

    fn moov(&self, sps: &[u8], pps: &[u8], offset: u64) -> Vec<u8> {
        let duration: u64 = self.durations.iter().map(|&d| u64::from(d)).sum();
        let [w, h] = self.size;
        let stbl = boxed(
            b"stbl",
            &[
                &stsd(w, h, sps, pps),
                &stts(&self.durations),
                &full(b"stss", 0, 0, &counted(&self.keyframes)),
                &full(b"stsc", 0, 0, &words(&[1, 1, self.sizes.len() as u32, 1])),
                &full(b"stsz", 0, 0, &{
                    let mut b = words(&[0, self.sizes.len() as u32]);
                    b.extend(words(&self.sizes));
                    b
                }),
                &stco(offset),
            ],
        );
        let dinf = boxed(
            b"dinf",
            &[&full(b"dref", 0, 0, &{
                let mut b = words(&[1]);
                b.extend(full(b"url ", 0, 1, &[]));
                b
            })],
        );
        let vmhd = full(b"vmhd", 0, 1, &[0; 8]);
        let minf = boxed(b"minf", &[&vmhd, &dinf, &stbl]);
        let mut hdlr = words(&[0]);
        hdlr.extend_from_slice(b"vide");
        hdlr.extend(words(&[0, 0, 0]));
        hdlr.extend_from_slice(b"Sahel Atlas video\0");
        let hdlr = full(b"hdlr", 0, 0, &hdlr);
        let mdia = boxed(b"mdia", &[&mdhd(duration), &hdlr, &minf]);
        let trak = boxed(b"trak", &[&tkhd(duration, w, h), &mdia]);
        boxed(b"moov", &[&mvhd(duration), &trak])
    }
}

/// A NAL unit without its Annex B start code.
fn strip_start_code(nal: &[u8]) -> &[u8] {
    nal.strip_prefix(&[0, 0, 0, 1])
        .or_else(|| nal.strip_prefix(&[0, 0, 1]))
        .unwrap_or(nal)
}

/// A box: size, type, then the parts.
fn boxed(kind: &[u8; 4], parts: &[&[u8]]) -> Vec<u8> {
    let len = 8 + parts.iter().map(|p| p.len()).sum::<usize>();
    let mut b = Vec::with_capacity(len);
    b.extend_from_slice(&(len as u32).to_be_bytes());
    b.extend_from_slice(kind);
    for p in parts {
        b.extend_from_slice(p);
    }
    b
}

/// A full box: version and flags before the body.
fn full(kind: &[u8; 4], version: u8, flags: u32, body: &[u8]) -> Vec<u8> {
    let vf = (u32::from(version) << 24) | (flags & 0x00FF_FFFF);
    boxed(kind, &[&vf.to_be_bytes(), body])
}

fn words(values: &[u32]) -> Vec<u8> {
    values.iter().flat_map(|v| v.to_be_bytes()).collect()
}

/// A count, then the values.
fn counted(values: &[u32]) -> Vec<u8> {
    let mut b = words(&[values.len() as u32]);
    b.extend(words(values));
    b
}

const MATRIX: [u32; 9] = [0x0001_0000, 0, 0, 0, 0x0001_0000, 0, 0, 0, 0x4000_0000];

fn ftyp() -> Vec<u8> {
    boxed(
        b"ftyp",
        &[b"isom", &512u32.to_be_bytes(), b"isomiso2avc1mp41"],
    )
}

/// Times in version 0 (32-bit) unless the duration needs version 1.
fn times(duration: u64, timescale: Option<u32>, track_id: Option<u32>) -> (u8, Vec<u8>) {
    let mut b = Vec::new();
    match u32::try_from(duration) {
        Ok(d) => {
            b.extend(words(&[0, 0]));
            if let Some(t) = track_id {
                b.extend(words(&[t, 0]));
            }
            if let Some(ts) = timescale {
                b.extend(words(&[ts]));
            }
            b.extend(words(&[d]));
            (0, b)
        }
        Err(_) => {
            b.extend_from_slice(&[0; 16]);
            if let Some(t) = track_id {
                b.extend(words(&[t, 0]));
            }
            if let Some(ts) = timescale {
                b.extend(words(&[ts]));
            }
            b.extend_from_slice(&duration.to_be_bytes());
            (1, b)
        }
    }
}

fn mvhd(duration: u64) -> Vec<u8> {
    let (version, mut b) = times(duration, Some(TIMESCALE), None);
    b.extend(words(&[0x0001_0000])); // rate 1.0
    b.extend_from_slice(&0x0100u16.to_be_bytes()); // volume 1.0
    b.extend_from_slice(&[0; 10]);
    b.extend(words(&MATRIX));
    b.extend_from_slice(&[0; 24]);
    b.extend(words(&[2])); // next track id
    full(b"mvhd", version, 0, &b)
}

fn tkhd(duration: u64, w: u32, h: u32) -> Vec<u8> {
    let (version, mut b) = times(duration, None, Some(1));
    b.extend_from_slice(&[0; 8]);
    b.extend_from_slice(&[0; 8]); // layer, alternate group, volume, reserved
    b.extend(words(&MATRIX));
    b.extend(words(&[w << 16, h << 16]));
    // Enabled, in the movie, in the preview.
    full(b"tkhd", version, 7, &b)
}

fn mdhd(duration: u64) -> Vec<u8> {
    let (version, mut b) = times(duration, Some(TIMESCALE), None);
    b.extend_from_slice(&0x55C4u16.to_be_bytes()); // "und"
    b.extend_from_slice(&[0; 2]);
    full(b"mdhd", version, 0, &b)
}

fn stsd(w: u32, h: u32, sps: &[u8], pps: &[u8]) -> Vec<u8> {
    let mut avcc = vec![1, sps[1], sps[2], sps[3], 0xFF, 0xE1];
    avcc.extend_from_slice(&(sps.len() as u16).to_be_bytes());
    avcc.extend_from_slice(sps);
    avcc.push(1);
    avcc.extend_from_slice(&(pps.len() as u16).to_be_bytes());
    avcc.extend_from_slice(pps);
    let avcc = boxed(b"avcC", &[&avcc]);
    let mut entry = vec![0u8; 6];
    entry.extend_from_slice(&1u16.to_be_bytes()); // data reference index
    entry.extend_from_slice(&[0; 16]);
    entry.extend_from_slice(&(w as u16).to_be_bytes());
    entry.extend_from_slice(&(h as u16).to_be_bytes());
    entry.extend(words(&[0x0048_0000, 0x0048_0000, 0])); // 72 dpi
    entry.extend_from_slice(&1u16.to_be_bytes()); // frame count
    let mut name = [0u8; 32];
    let label = b"OpenH264";
    name[0] = label.len() as u8;
    name[1..=label.len()].copy_from_slice(label);
    entry.extend_from_slice(&name);
    entry.extend_from_slice(&0x0018u16.to_be_bytes()); // depth
    entry.extend_from_slice(&(-1i16).to_be_bytes());
    let avc1 = boxed(b"avc1", &[&entry, &avcc]);
    full(b"stsd", 0, 0, &{
        let mut b = words(&[1]);
        b.extend(avc1);
        b
    })
}

/// Sample durations, run-length coded.
fn stts(durations: &[u32]) -> Vec<u8> {
    let mut runs: Vec<(u32, u32)> = Vec::new();
    for &d in durations {
        match runs.last_mut() {
            Some((count, delta)) if *delta == d => *count += 1,
            _ => runs.push((1, d)),
        }
    }
    let mut b = words(&[runs.len() as u32]);
    for (count, delta) in runs {
        b.extend(words(&[count, delta]));
    }
    full(b"stts", 0, 0, &b)
}

/// The one chunk's offset: 32-bit unless the file needs 64.
fn stco(offset: u64) -> Vec<u8> {
    match u32::try_from(offset) {
        Ok(o) => full(b"stco", 0, 0, &words(&[1, o])),
        Err(_) => {
            let mut b = words(&[1]);
            b.extend_from_slice(&offset.to_be_bytes());
            full(b"co64", 0, 0, &b)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn start_codes_are_stripped() {
        assert_eq!(strip_start_code(&[0, 0, 0, 1, 0x67, 1]), &[0x67, 1]);
        assert_eq!(strip_start_code(&[0, 0, 1, 0x68]), &[0x68]);
        assert_eq!(strip_start_code(&[0x65, 0]), &[0x65, 0]);
    }

    #[test]
    fn durations_are_run_length_coded() {
        let b = stts(&[3000, 3000, 3000, 135_000, 3000]);
        // size, type, version/flags, count 3, then (3, 3000), (1, 135000), (1, 3000)
        assert_eq!(&b[4..8], b"stts");
        assert_eq!(u32::from_be_bytes([b[12], b[13], b[14], b[15]]), 3);
        assert_eq!(b.len(), 16 + 3 * 8);
    }

    #[test]
    fn long_clips_use_version_1_times() {
        assert_eq!(mvhd(1000)[8], 0);
        assert_eq!(mvhd(u64::from(u32::MAX) + 1)[8], 1);
        assert_eq!(mvhd(1000).len() + 12, mvhd(u64::from(u32::MAX) + 1).len());
    }
}
