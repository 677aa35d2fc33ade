{
  "variables": {
    "opencv_include%": "<!(node -p \"process.env.OPENCV_INCLUDE || '/usr/include/opencv4'\")"
  },
  "targets": [
    {
      "target_name": "safe_arrival_vision",
      "sources": ["vision.cc"],
      "include_dirs": ["<(opencv_include)"],
      "cflags_cc": ["-O3", "-std=c++17", "-fexceptions", "-ffp-contract=off"],
      "cflags_cc!": ["-fno-exceptions"],
      "conditions": [["target_arch=='x64'", { "cflags_cc": ["-mpopcnt"] }]],
      "libraries": ["-l:libopencv_core.so.406", "-l:libopencv_imgproc.so.406", "-l:libopencv_features2d.so.406"]
    }
  ]
}
