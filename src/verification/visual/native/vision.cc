// Native OpenCV for the visual matcher: ORB and AKAZE features and the Hamming 2-NN search, the three
// costs that dominate a check-in's verification. Built by node-gyp against the system's OpenCV (Debian's
// libopencv 4.6: features2d, imgproc, core); without it the matcher runs OpenCV.js and hamming-knn.wat, which
// compute the same things (native-vision.ts says which is in use, tests/unit/verification/native-vision.test.ts
// compares them). OpenCV's own thread pool is off: the app already runs one matcher thread per core.
// Also SIFT and an exact L2 2-NN, for the RootSIFT experiment only (rootsift.ts, bench/verify.ts): the shipped
// matcher does not call them.
#include <node_api.h>

#include <opencv2/core.hpp>
#include <opencv2/features2d.hpp>
#include <opencv2/imgproc.hpp>

#include <cstdint>
#include <cmath>
#include <cstring>
#include <limits>
#include <string>
#include <vector>

namespace {

struct Failure {
  std::string message;
};

void check(napi_env env, napi_status status, const char* what) {
  if (status != napi_ok) throw Failure{std::string("native vision: ") + what};
}

int32_t intArg(napi_env env, napi_value v, const char* name) {
  int32_t out = 0;
  check(env, napi_get_value_int32(env, v, &out), name);
  return out;
}

double doubleArg(napi_env env, napi_value v, const char* name) {
  double out = 0;
  check(env, napi_get_value_double(env, v, &out), name);
  return out;
}

/** The bytes of a TypedArray or Buffer argument. */
uint8_t* bytesArg(napi_env env, napi_value v, size_t* length, const char* name) {
  bool isTyped = false;
  check(env, napi_is_typedarray(env, v, &isTyped), name);
  if (!isTyped) throw Failure{std::string("native vision: ") + name + " must be a typed array"};
  napi_typedarray_type type;
  size_t count = 0;
  void* data = nullptr;
  napi_value buffer;
  size_t offset = 0;
  check(env, napi_get_typedarray_info(env, v, &type, &count, &data, &buffer, &offset), name);
  size_t element = (type == napi_int32_array || type == napi_uint32_array || type == napi_float32_array) ? 4 : type == napi_float64_array ? 8 : 1;
  *length = count * element;
  return static_cast<uint8_t*>(data);
}

napi_value typedCopy(napi_env env, napi_typedarray_type type, const void* data, size_t bytes, size_t count) {
  void* out = nullptr;
  napi_value buffer, array;
  check(env, napi_create_arraybuffer(env, bytes, &out, &buffer), "arraybuffer");
  if (bytes) std::memcpy(out, data, bytes);
  check(env, napi_create_typedarray(env, type, count, buffer, 0, &array), "typedarray");
  return array;
}

void setInt(napi_env env, napi_value obj, const char* key, int32_t value) {
  napi_value v;
  check(env, napi_create_int32(env, value, &v), key);
  check(env, napi_set_named_property(env, obj, key, v), key);
}

/** The photo's grey pixels at the working size (INTER_AREA, as OpenCV.js's path in features.ts). */
cv::Mat workingCopy(napi_env env, const napi_value* argv) {
  size_t length = 0;
  uint8_t* grey = bytesArg(env, argv[0], &length, "grey");
  int32_t width = intArg(env, argv[1], "width"), height = intArg(env, argv[2], "height");
  int32_t outW = intArg(env, argv[3], "outWidth"), outH = intArg(env, argv[4], "outHeight");
  if (width <= 0 || height <= 0 || outW <= 0 || outH <= 0 || length < size_t(width) * size_t(height)) {
    throw Failure{"native vision: the grey image is smaller than its size"};
  }
  cv::Mat src(height, width, CV_8UC1, grey);
  if (outW == width && outH == height) return src.clone();
  cv::Mat dst;
  cv::resize(src, dst, cv::Size(outW, outH), 0, 0, cv::INTER_AREA);
  return dst;
}

/**
 * { width, height, count, keypoints: Float32Array [x, y, angle, response] x count, descriptors }, with
 * `descriptorBytes` and a Uint8Array for binary descriptors (ORB, AKAZE), `dims` and a Float32Array for SIFT's.
 */
napi_value featureResult(napi_env env, const cv::Mat& img, const std::vector<cv::KeyPoint>& keypoints, const cv::Mat& descriptors, bool floats = false) {
  napi_value out;
  check(env, napi_create_object(env, &out), "object");
  int count = descriptors.empty() ? 0 : descriptors.rows;
  std::vector<float> kp(size_t(count) * 4);
  for (int i = 0; i < count; i++) {
    kp[4 * i] = keypoints[i].pt.x;
    kp[4 * i + 1] = keypoints[i].pt.y;
    kp[4 * i + 2] = keypoints[i].angle;
    kp[4 * i + 3] = keypoints[i].response;
  }
  cv::Mat packed = descriptors.isContinuous() ? descriptors : descriptors.clone();
  size_t perRow = count ? size_t(packed.cols) : 0;
  size_t bytes = perRow * (count ? packed.elemSize() : 0) * count;
  setInt(env, out, "width", img.cols);
  setInt(env, out, "height", img.rows);
  setInt(env, out, "count", count);
  setInt(env, out, floats ? "dims" : "descriptorBytes", int32_t(floats ? perRow : perRow * (count ? packed.elemSize() : 0)));
  napi_value kpArray = typedCopy(env, napi_float32_array, kp.data(), kp.size() * 4, kp.size());
  check(env, napi_set_named_property(env, out, "keypoints", kpArray), "keypoints");
  napi_value descArray = floats ? typedCopy(env, napi_float32_array, packed.data, bytes, bytes / 4) : typedCopy(env, napi_uint8_array, packed.data, bytes, bytes);
  check(env, napi_set_named_property(env, out, "descriptors", descArray), "descriptors");
  return out;
}

/** The call's first N arguments; fewer is an error naming the function. */
template <size_t N>
std::array<napi_value, N> args(napi_env env, napi_callback_info info, const char* name) {
  size_t argc = N;
  std::array<napi_value, N> argv{};
  check(env, napi_get_cb_info(env, info, &argc, argv.data(), nullptr, nullptr), "arguments");
  if (argc < N) throw Failure{std::string("native vision: ") + name + " takes " + std::to_string(N) + " arguments"};
  return argv;
}

template <typename F>
napi_value guarded(napi_env env, F&& body) {
  try {
    return body();
  } catch (const Failure& f) {
    napi_throw_error(env, nullptr, f.message.c_str());
  } catch (const cv::Exception& e) {
    napi_throw_error(env, nullptr, ("opencv: " + e.msg.substr(0, 200)).c_str());
  } catch (const std::exception& e) {
    napi_throw_error(env, nullptr, (std::string("native vision: ") + e.what()).substr(0, 200).c_str());
  }
  return nullptr;
}

// orb(grey, width, height, outWidth, outHeight, maxFeatures, clahe)
napi_value Orb(napi_env env, napi_callback_info info) {
  return guarded(env, [&]() {
    auto argv = args<7>(env, info, "orb");
    cv::Mat img = workingCopy(env, argv.data());
    int32_t maxFeatures = intArg(env, argv[5], "maxFeatures");
    bool clahe = false;
    check(env, napi_get_value_bool(env, argv[6], &clahe), "clahe");
    if (clahe) cv::createCLAHE(2.0, cv::Size(8, 8))->apply(img, img);
    std::vector<cv::KeyPoint> keypoints;
    cv::Mat descriptors;
    cv::ORB::create(maxFeatures)->detectAndCompute(img, cv::noArray(), keypoints, descriptors);
    return featureResult(env, img, keypoints, descriptors);
  });
}

// akaze(grey, width, height, outWidth, outHeight, threshold, nOctaves, nOctaveLayers)
napi_value Akaze(napi_env env, napi_callback_info info) {
  return guarded(env, [&]() {
    auto argv = args<8>(env, info, "akaze");
    cv::Mat img = workingCopy(env, argv.data());
    auto akaze = cv::AKAZE::create();
    akaze->setThreshold(doubleArg(env, argv[5], "threshold"));
    akaze->setNOctaves(intArg(env, argv[6], "nOctaves"));
    akaze->setNOctaveLayers(intArg(env, argv[7], "nOctaveLayers"));
    std::vector<cv::KeyPoint> keypoints;
    cv::Mat descriptors;
    akaze->detectAndCompute(img, cv::noArray(), keypoints, descriptors);
    return featureResult(env, img, keypoints, descriptors);
  });
}

// sift(grey, width, height, outWidth, outHeight, maxFeatures): OpenCV's SIFT (features2d, 4.4+), the strongest
// maxFeatures keypoints; descriptors are 128 float32 each (plain SIFT: RootSIFT is applied by the caller).
napi_value Sift(napi_env env, napi_callback_info info) {
  return guarded(env, [&]() {
    auto argv = args<6>(env, info, "sift");
    cv::Mat img = workingCopy(env, argv.data());
    int32_t maxFeatures = intArg(env, argv[5], "maxFeatures");
    std::vector<cv::KeyPoint> keypoints;
    cv::Mat descriptors;
    cv::SIFT::create(maxFeatures)->detectAndCompute(img, cv::noArray(), keypoints, descriptors);
    if (!descriptors.empty() && descriptors.type() != CV_32F) throw Failure{"native vision: SIFT descriptors are not float32"};
    return featureResult(env, img, keypoints, descriptors, true);
  });
}

inline uint64_t load64(const uint8_t* p) {
  uint64_t v;
  std::memcpy(&v, p, 8);
  return v;
}

/** Nearest and second-nearest train descriptor of each query one, as hamming-knn.wat computes them. */
template <int Words>
void knn2(const uint8_t* q, int nq, const uint8_t* t, int nt, int32_t* index, int32_t* best, int32_t* second) {
  for (int i = 0; i < nq; i++) {
    uint64_t qw[Words];
    for (int w = 0; w < Words; w++) qw[w] = load64(q + size_t(i) * Words * 8 + w * 8);
    int32_t b = 1024, s = 1024, bi = -1;
    const uint8_t* tp = t;
    for (int j = 0; j < nt; j++, tp += Words * 8) {
      int32_t d = 0;
      for (int w = 0; w < Words; w++) d += __builtin_popcountll(qw[w] ^ load64(tp + w * 8));
      if (d < s) {
        if (d < b) {
          s = b;
          b = d;
          bi = j;
        } else {
          s = d;
        }
      }
    }
    index[i] = bi;
    best[i] = b;
    second[i] = s;
  }
}

#if defined(__x86_64__)
#include <immintrin.h>

/**
 * The same search, eight train descriptors at a time in AVX2 registers: the train set is transposed so that
 * 32-bit word w of eight consecutive descriptors sits in one register; each lane counts its bits with the
 * nibble-table shuffle (AVX2 has no vector popcount) and keeps its own best, second and first index, and the
 * lanes are merged at the end. Exact: the second distance is the second smallest over all (a tie with the best
 * counts), the index the first one at the best distance, as in the scalar loop.
 */
template <int Words>
__attribute__((target("avx2,popcnt"))) void knn2Avx2(const uint8_t* q, int nq, const uint8_t* t, int nt, int32_t* index, int32_t* best, int32_t* second) {
  constexpr int W32 = Words * 2;
  const int blocks = nt / 8;
  // Transposed: block b, word w -> 8 x uint32 (descriptor 8b + lane).
  std::vector<uint32_t> soa(size_t(blocks) * W32 * 8);
  for (int b = 0; b < blocks; b++)
    for (int lane = 0; lane < 8; lane++) {
      const uint8_t* d = t + (size_t(b) * 8 + lane) * Words * 8;
      for (int w = 0; w < W32; w++) std::memcpy(&soa[(size_t(b) * W32 + w) * 8 + lane], d + w * 4, 4);
    }
  const __m256i table = _mm256_setr_epi8(0, 1, 1, 2, 1, 2, 2, 3, 1, 2, 2, 3, 2, 3, 3, 4, 0, 1, 1, 2, 1, 2, 2, 3, 1, 2, 2, 3, 2, 3, 3, 4);
  const __m256i low = _mm256_set1_epi8(0x0f);
  const __m256i ones16 = _mm256_set1_epi16(1);
  const __m256i laneIds = _mm256_setr_epi32(0, 1, 2, 3, 4, 5, 6, 7);
  for (int i = 0; i < nq; i++) {
    const uint8_t* qd = q + size_t(i) * Words * 8;
    __m256i qw[W32];
    for (int w = 0; w < W32; w++) {
      uint32_t v;
      std::memcpy(&v, qd + w * 4, 4);
      qw[w] = _mm256_set1_epi32(int(v));
    }
    __m256i vb = _mm256_set1_epi32(1024), vs = _mm256_set1_epi32(1024), vi = _mm256_set1_epi32(-1);
    for (int b = 0; b < blocks; b++) {
      const uint32_t* block = &soa[size_t(b) * W32 * 8];
      // Byte counts summed over the words stay below 256 (at most 8 x W32 <= 128 per byte).
      __m256i acc = _mm256_setzero_si256();
      for (int w = 0; w < W32; w++) {
        __m256i x = _mm256_xor_si256(qw[w], _mm256_loadu_si256(reinterpret_cast<const __m256i*>(block + w * 8)));
        __m256i lo = _mm256_shuffle_epi8(table, _mm256_and_si256(x, low));
        __m256i hi = _mm256_shuffle_epi8(table, _mm256_and_si256(_mm256_srli_epi16(x, 4), low));
        acc = _mm256_add_epi8(acc, _mm256_add_epi8(lo, hi));
      }
      // The four byte counts of each 32-bit lane summed: bytes -> 16-bit pairs -> 32-bit.
      __m256i d = _mm256_madd_epi16(_mm256_maddubs_epi16(acc, _mm256_set1_epi8(1)), ones16);
      __m256i ids = _mm256_add_epi32(laneIds, _mm256_set1_epi32(b * 8));
      __m256i better = _mm256_cmpgt_epi32(vb, d);
      vs = _mm256_min_epi32(vs, _mm256_max_epi32(vb, d));
      vb = _mm256_min_epi32(vb, d);
      vi = _mm256_blendv_epi8(vi, ids, better);
    }
    alignas(32) int32_t lb[8], ls[8], li[8];
    _mm256_store_si256(reinterpret_cast<__m256i*>(lb), vb);
    _mm256_store_si256(reinterpret_cast<__m256i*>(ls), vs);
    _mm256_store_si256(reinterpret_cast<__m256i*>(li), vi);
    int32_t b = 1024, s = 1024, bi = -1;
    auto take = [&](int32_t d, int32_t j) {
      if (d < b || (d == b && j >= 0 && (bi < 0 || j < bi))) {
        if (d < b) s = b;
        else s = d;
        b = d;
        bi = j;
      } else if (d < s) {
        s = d;
      }
    };
    for (int lane = 0; lane < 8; lane++) {
      if (li[lane] < 0) continue;
      take(lb[lane], li[lane]);
      if (ls[lane] < s) s = ls[lane];
    }
    // The tail that does not fill a block, as the scalar loop does it.
    const uint8_t* tp = t + size_t(blocks) * 8 * Words * 8;
    for (int j = blocks * 8; j < nt; j++, tp += Words * 8) {
      int32_t d = 0;
      for (int w = 0; w < Words; w++) d += int32_t(__builtin_popcountll(load64(qd + w * 8) ^ load64(tp + w * 8)));
      take(d, j);
    }
    index[i] = bi;
    best[i] = b;
    second[i] = s;
  }
}
#endif

// knn2(query, train, bytes (32 | 64), index: Int32Array, best: Int32Array, second: Int32Array)
napi_value Knn2(napi_env env, napi_callback_info info) {
  return guarded(env, [&]() -> napi_value {
    auto argv = args<6>(env, info, "knn2");
    size_t qLen = 0, tLen = 0, iLen = 0, bLen = 0, sLen = 0;
    const uint8_t* q = bytesArg(env, argv[0], &qLen, "query");
    const uint8_t* t = bytesArg(env, argv[1], &tLen, "train");
    int32_t bytes = intArg(env, argv[2], "bytes");
    if (bytes != 32 && bytes != 64) throw Failure{"native vision: descriptors are 32 or 64 bytes"};
    int nq = int(qLen / bytes), nt = int(tLen / bytes);
    auto* index = reinterpret_cast<int32_t*>(bytesArg(env, argv[3], &iLen, "index"));
    auto* best = reinterpret_cast<int32_t*>(bytesArg(env, argv[4], &bLen, "best"));
    auto* second = reinterpret_cast<int32_t*>(bytesArg(env, argv[5], &sLen, "second"));
    if (iLen < size_t(nq) * 4 || bLen < size_t(nq) * 4 || sLen < size_t(nq) * 4) throw Failure{"native vision: knn2 output arrays too short"};
#if defined(__x86_64__)
    if (__builtin_cpu_supports("avx2")) {
      if (bytes == 32) knn2Avx2<4>(q, nq, t, nt, index, best, second);
      else knn2Avx2<8>(q, nq, t, nt, index, best, second);
      return nullptr;
    }
#endif
    if (bytes == 32) knn2<4>(q, nq, t, nt, index, best, second);
    else knn2<8>(q, nq, t, nt, index, best, second);
    return nullptr;
  });
}

/** Squared L2 distance, plain loop (the x86-64 build's AVX2 version below is used when the CPU has it). */
inline float l2sq(const float* a, const float* b, int dims) {
  float d = 0;
  for (int k = 0; k < dims; k++) {
    float x = a[k] - b[k];
    d += x * x;
  }
  return d;
}

#if defined(__x86_64__)
/** The same sum eight lanes at a time (dims a multiple of 8); the lanes' order of addition differs from the plain loop's. */
__attribute__((target("avx2,fma"))) float l2sqAvx2(const float* a, const float* b, int dims) {
  __m256 acc0 = _mm256_setzero_ps(), acc1 = _mm256_setzero_ps();
  int k = 0;
  for (; k + 16 <= dims; k += 16) {
    __m256 x0 = _mm256_sub_ps(_mm256_loadu_ps(a + k), _mm256_loadu_ps(b + k));
    __m256 x1 = _mm256_sub_ps(_mm256_loadu_ps(a + k + 8), _mm256_loadu_ps(b + k + 8));
    acc0 = _mm256_fmadd_ps(x0, x0, acc0);
    acc1 = _mm256_fmadd_ps(x1, x1, acc1);
  }
  for (; k + 8 <= dims; k += 8) {
    __m256 x0 = _mm256_sub_ps(_mm256_loadu_ps(a + k), _mm256_loadu_ps(b + k));
    acc0 = _mm256_fmadd_ps(x0, x0, acc0);
  }
  __m256 acc = _mm256_add_ps(acc0, acc1);
  __m128 s = _mm_add_ps(_mm256_castps256_ps128(acc), _mm256_extractf128_ps(acc, 1));
  s = _mm_add_ps(s, _mm_movehl_ps(s, s));
  s = _mm_add_ss(s, _mm_shuffle_ps(s, s, 1));
  return _mm_cvtss_f32(s);
}
#endif

template <typename Dist>
void knnL2With(Dist dist, const float* q, int nq, const float* t, int nt, int dims, int32_t* index, float* best, float* second) {
  const float inf = std::numeric_limits<float>::infinity();
  for (int i = 0; i < nq; i++) {
    const float* qd = q + size_t(i) * dims;
    float b = inf, s = inf;
    int32_t bi = -1;
    for (int j = 0; j < nt; j++) {
      float d = dist(qd, t + size_t(j) * dims, dims);
      if (d < s) {
        if (d < b) {
          s = b;
          b = d;
          bi = j;
        } else {
          s = d;
        }
      }
    }
    index[i] = bi;
    best[i] = std::sqrt(b);
    second[i] = std::sqrt(s);
  }
}

// knnL2(query: Float32Array, train: Float32Array, dims, index: Int32Array, best: Float32Array, second: Float32Array):
// exact nearest and second-nearest train row of each query row, by Euclidean distance (not squared: Lowe's
// ratio applies to it as is). No train row: index -1 and Infinity; one: second Infinity.
napi_value KnnL2(napi_env env, napi_callback_info info) {
  return guarded(env, [&]() -> napi_value {
    auto argv = args<6>(env, info, "knnL2");
    size_t qLen = 0, tLen = 0, iLen = 0, bLen = 0, sLen = 0;
    const auto* q = reinterpret_cast<const float*>(bytesArg(env, argv[0], &qLen, "query"));
    const auto* t = reinterpret_cast<const float*>(bytesArg(env, argv[1], &tLen, "train"));
    int32_t dims = intArg(env, argv[2], "dims");
    if (dims <= 0) throw Failure{"native vision: knnL2 dims must be positive"};
    int nq = int(qLen / 4 / dims), nt = int(tLen / 4 / dims);
    auto* index = reinterpret_cast<int32_t*>(bytesArg(env, argv[3], &iLen, "index"));
    auto* best = reinterpret_cast<float*>(bytesArg(env, argv[4], &bLen, "best"));
    auto* second = reinterpret_cast<float*>(bytesArg(env, argv[5], &sLen, "second"));
    if (iLen < size_t(nq) * 4 || bLen < size_t(nq) * 4 || sLen < size_t(nq) * 4) throw Failure{"native vision: knnL2 output arrays too short"};
#if defined(__x86_64__)
    if (dims % 8 == 0 && __builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma")) {
      knnL2With(l2sqAvx2, q, nq, t, nt, dims, index, best, second);
      return nullptr;
    }
#endif
    knnL2With(l2sq, q, nq, t, nt, dims, index, best, second);
    return nullptr;
  });
}

/**
 * pdq.ts's dct16 (block average, two Jarosz X/Y passes, 64x64 sampling, 16x16 DCT), the same IEEE double
 * operations in the same order, so the coefficients and hashes are bit-identical (no FMA contraction:
 * binding.gyp sets -ffp-contract=off; the DCT basis comes from JS, so no libm cos differs).
 */
namespace pdq {
constexpr int SIDE = 64;
constexpr int COEFFS = 16;

void boxRow(double* buf, int length, int window, std::vector<double>& scratch) {
  int right = (window + 2) / 2 - 1;
  int left = window - right - 1;
  double sum = 0;
  int lo = 0, hi = -1;
  for (int k = 0; k < length; k++) {
    int wantHi = std::min(length - 1, k + right);
    while (hi < wantHi) sum += buf[++hi];
    int wantLo = std::max(0, k - left);
    while (lo < wantLo) sum -= buf[lo++];
    scratch[k] = sum / double(hi - lo + 1);
  }
  std::memcpy(buf, scratch.data(), sizeof(double) * size_t(length));
}

void boxColumns(double* buf, int width, int height, int window, std::vector<double>& sums, std::vector<double>& out) {
  int right = (window + 2) / 2 - 1;
  int left = window - right - 1;
  std::fill(sums.begin(), sums.end(), 0.0);
  int lo = 0, hi = -1;
  for (int k = 0; k < height; k++) {
    int wantHi = std::min(height - 1, k + right);
    while (hi < wantHi) {
      const double* row = buf + size_t(++hi) * width;
      for (int x = 0; x < width; x++) sums[x] += row[x];
    }
    int wantLo = std::max(0, k - left);
    while (lo < wantLo) {
      const double* row = buf + size_t(lo++) * width;
      for (int x = 0; x < width; x++) sums[x] -= row[x];
    }
    double n = double(hi - lo + 1);
    double* o = out.data() + size_t(k) * width;
    for (int x = 0; x < width; x++) o[x] = sums[x] / n;
  }
  std::memcpy(buf, out.data(), sizeof(double) * out.size());
}

void dct16(const uint8_t* grey, int w, int h, int factor, const double* basis, double* coeffs) {
  int width = w, height = h;
  std::vector<double> luma;
  if (factor <= 1 || w < factor || h < factor) {
    luma.assign(grey, grey + size_t(w) * h);
  } else {
    width = w / factor;
    height = h / factor;
    int ox = (w - width * factor) / 2, oy = (h - height * factor) / 2;
    luma.assign(size_t(width) * height, 0.0);
    double area = double(factor) * factor;
    for (int by = 0; by < height; by++) {
      double* out = luma.data() + size_t(by) * width;
      for (int y = oy + by * factor, yEnd = y + factor; y < yEnd; y++) {
        const uint8_t* p = grey + size_t(y) * w + ox;
        for (int bx = 0; bx < width; bx++) {
          double sum = 0;
          for (int x = 0; x < factor; x++) sum += *p++;
          out[bx] += sum;
        }
      }
      for (int bx = 0; bx < width; bx++) out[bx] /= area;
    }
  }
  int windowX = (width + 2 * SIDE - 1) / (2 * SIDE), windowY = (height + 2 * SIDE - 1) / (2 * SIDE);
  std::vector<double> scratch(width), sums(width), out(size_t(width) * height);
  for (int pass = 0; pass < 2; pass++) {
    for (int y = 0; y < height; y++) boxRow(luma.data() + size_t(y) * width, width, windowX, scratch);
    boxColumns(luma.data(), width, height, windowY, sums, out);
  }
  double block[SIDE * SIDE];
  for (int i = 0; i < SIDE; i++) {
    int y = int(std::floor(((i + 0.5) * height) / SIDE));
    for (int j = 0; j < SIDE; j++) block[i * SIDE + j] = luma[size_t(y) * width + int(std::floor(((j + 0.5) * width) / SIDE))];
  }
  double t[COEFFS * SIDE];
  for (int i = 0; i < COEFFS; i++) {
    const double* d = basis + i * SIDE;
    for (int j = 0; j < SIDE; j++) {
      double sum = 0;
      for (int k = 0; k < SIDE; k++) sum += d[k] * block[k * SIDE + j];
      t[i * SIDE + j] = sum;
    }
  }
  for (int i = 0; i < COEFFS; i++) {
    for (int j = 0; j < COEFFS; j++) {
      const double* d = basis + j * SIDE;
      double sum = 0;
      for (int k = 0; k < SIDE; k++) sum += t[i * SIDE + k] * d[k];
      coeffs[i * COEFFS + j] = sum;
    }
  }
}
}  // namespace pdq

// pdqDct(grey, width, height, factor, basis: Float64Array(16 x 64), out: Float64Array(256))
napi_value PdqDct(napi_env env, napi_callback_info info) {
  return guarded(env, [&]() -> napi_value {
    auto argv = args<6>(env, info, "pdqDct");
    size_t gLen = 0, bLen = 0, oLen = 0;
    const uint8_t* grey = bytesArg(env, argv[0], &gLen, "grey");
    int32_t width = intArg(env, argv[1], "width"), height = intArg(env, argv[2], "height"), factor = intArg(env, argv[3], "factor");
    if (width <= 0 || height <= 0 || gLen < size_t(width) * size_t(height)) throw Failure{"native vision: the grey image is smaller than its size"};
    auto* basis = reinterpret_cast<const double*>(bytesArg(env, argv[4], &bLen, "basis"));
    auto* out = reinterpret_cast<double*>(bytesArg(env, argv[5], &oLen, "out"));
    if (bLen < sizeof(double) * pdq::COEFFS * pdq::SIDE || oLen < sizeof(double) * pdq::COEFFS * pdq::COEFFS) throw Failure{"native vision: pdqDct arrays too short"};
    pdq::dct16(grey, width, height, factor, basis, out);
    return nullptr;
  });
}

napi_value Init(napi_env env, napi_value exports) {
  cv::setNumThreads(0);
  napi_property_descriptor props[] = {
      {"orb", nullptr, Orb, nullptr, nullptr, nullptr, napi_default, nullptr},
      {"akaze", nullptr, Akaze, nullptr, nullptr, nullptr, napi_default, nullptr},
      {"knn2", nullptr, Knn2, nullptr, nullptr, nullptr, napi_default, nullptr},
      {"sift", nullptr, Sift, nullptr, nullptr, nullptr, napi_default, nullptr},
      {"knnL2", nullptr, KnnL2, nullptr, nullptr, nullptr, napi_default, nullptr},
      {"pdqDct", nullptr, PdqDct, nullptr, nullptr, nullptr, napi_default, nullptr},
  };
  napi_define_properties(env, exports, 6, props);
  napi_value version;
  napi_create_string_utf8(env, CV_VERSION, NAPI_AUTO_LENGTH, &version);
  napi_set_named_property(env, exports, "opencvVersion", version);
  return exports;
}

}  // namespace

NAPI_MODULE(NODE_GYP_MODULE_NAME, Init)
