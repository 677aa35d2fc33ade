;; Brute-force 2-nearest-neighbour search over binary descriptors by Hamming distance: knn2 for
;; 256-bit ones (ORB), knn2_64 for 512-bit ones (AKAZE's 486 bits, zero-padded).
;; OpenCV.js's BFMatcher spends ~30 ns per descriptor pair in WASM; four i64.popcnt per pair here.
;; Memory holds the query descriptors at $q, the train descriptors at $t (32 or 64 bytes each) and receives,
;; per query, three i32 at $out: index of the nearest train descriptor, its distance, the second distance.
(module
  (memory (export "memory") 1)
  (func (export "knn2") (param $q i32) (param $nq i32) (param $t i32) (param $nt i32) (param $out i32)
    (local $i i32) (local $j i32) (local $tp i32) (local $d i32)
    (local $best i32) (local $second i32) (local $bi i32)
    (local $q0 i64) (local $q1 i64) (local $q2 i64) (local $q3 i64)
    (if (i32.or (i32.eqz (local.get $nq)) (i32.eqz (local.get $nt))) (then (return)))
    (loop $queries
      (local.set $q0 (i64.load offset=0 (local.get $q)))
      (local.set $q1 (i64.load offset=8 (local.get $q)))
      (local.set $q2 (i64.load offset=16 (local.get $q)))
      (local.set $q3 (i64.load offset=24 (local.get $q)))
      (local.set $best (i32.const 1024))
      (local.set $second (i32.const 1024))
      (local.set $bi (i32.const -1))
      (local.set $tp (local.get $t))
      (local.set $j (i32.const 0))
      (loop $train
        (local.set $d
          (i32.wrap_i64
            (i64.add
              (i64.add
                (i64.popcnt (i64.xor (local.get $q0) (i64.load offset=0 (local.get $tp))))
                (i64.popcnt (i64.xor (local.get $q1) (i64.load offset=8 (local.get $tp)))))
              (i64.add
                (i64.popcnt (i64.xor (local.get $q2) (i64.load offset=16 (local.get $tp))))
                (i64.popcnt (i64.xor (local.get $q3) (i64.load offset=24 (local.get $tp))))))))
        (if (i32.lt_u (local.get $d) (local.get $second))
          (then
            (if (i32.lt_u (local.get $d) (local.get $best))
              (then
                (local.set $second (local.get $best))
                (local.set $best (local.get $d))
                (local.set $bi (local.get $j)))
              (else (local.set $second (local.get $d))))))
        (local.set $tp (i32.add (local.get $tp) (i32.const 32)))
        (local.set $j (i32.add (local.get $j) (i32.const 1)))
        (br_if $train (i32.lt_u (local.get $j) (local.get $nt))))
      (i32.store offset=0 (local.get $out) (local.get $bi))
      (i32.store offset=4 (local.get $out) (local.get $best))
      (i32.store offset=8 (local.get $out) (local.get $second))
      (local.set $out (i32.add (local.get $out) (i32.const 12)))
      (local.set $q (i32.add (local.get $q) (i32.const 32)))
      (local.set $i (i32.add (local.get $i) (i32.const 1)))
      (br_if $queries (i32.lt_u (local.get $i) (local.get $nq)))))
  (func (export "knn2_64") (param $q i32) (param $nq i32) (param $t i32) (param $nt i32) (param $out i32)
    (local $i i32) (local $j i32) (local $tp i32) (local $d i32)
    (local $best i32) (local $second i32) (local $bi i32)
    (local $q0 i64) (local $q1 i64) (local $q2 i64) (local $q3 i64)
    (local $q4 i64) (local $q5 i64) (local $q6 i64) (local $q7 i64)
    (if (i32.or (i32.eqz (local.get $nq)) (i32.eqz (local.get $nt))) (then (return)))
    (loop $queries
      (local.set $q0 (i64.load offset=0 (local.get $q)))
      (local.set $q1 (i64.load offset=8 (local.get $q)))
      (local.set $q2 (i64.load offset=16 (local.get $q)))
      (local.set $q3 (i64.load offset=24 (local.get $q)))
      (local.set $q4 (i64.load offset=32 (local.get $q)))
      (local.set $q5 (i64.load offset=40 (local.get $q)))
      (local.set $q6 (i64.load offset=48 (local.get $q)))
      (local.set $q7 (i64.load offset=56 (local.get $q)))
      (local.set $best (i32.const 1024))
      (local.set $second (i32.const 1024))
      (local.set $bi (i32.const -1))
      (local.set $tp (local.get $t))
      (local.set $j (i32.const 0))
      (loop $train
        (local.set $d
          (i32.wrap_i64
            (i64.add
              (i64.add
                (i64.add
                  (i64.popcnt (i64.xor (local.get $q0) (i64.load offset=0 (local.get $tp))))
                  (i64.popcnt (i64.xor (local.get $q1) (i64.load offset=8 (local.get $tp)))))
                (i64.add
                  (i64.popcnt (i64.xor (local.get $q2) (i64.load offset=16 (local.get $tp))))
                  (i64.popcnt (i64.xor (local.get $q3) (i64.load offset=24 (local.get $tp))))))
              (i64.add
                (i64.add
                  (i64.popcnt (i64.xor (local.get $q4) (i64.load offset=32 (local.get $tp))))
                  (i64.popcnt (i64.xor (local.get $q5) (i64.load offset=40 (local.get $tp)))))
                (i64.add
                  (i64.popcnt (i64.xor (local.get $q6) (i64.load offset=48 (local.get $tp))))
                  (i64.popcnt (i64.xor (local.get $q7) (i64.load offset=56 (local.get $tp)))))))))
        (if (i32.lt_u (local.get $d) (local.get $second))
          (then
            (if (i32.lt_u (local.get $d) (local.get $best))
              (then
                (local.set $second (local.get $best))
                (local.set $best (local.get $d))
                (local.set $bi (local.get $j)))
              (else (local.set $second (local.get $d))))))
        (local.set $tp (i32.add (local.get $tp) (i32.const 64)))
        (local.set $j (i32.add (local.get $j) (i32.const 1)))
        (br_if $train (i32.lt_u (local.get $j) (local.get $nt))))
      (i32.store offset=0 (local.get $out) (local.get $bi))
      (i32.store offset=4 (local.get $out) (local.get $best))
      (i32.store offset=8 (local.get $out) (local.get $second))
      (local.set $out (i32.add (local.get $out) (i32.const 12)))
      (local.set $q (i32.add (local.get $q) (i32.const 64)))
      (local.set $i (i32.add (local.get $i) (i32.const 1)))
      (br_if $queries (i32.lt_u (local.get $i) (local.get $nq))))))
