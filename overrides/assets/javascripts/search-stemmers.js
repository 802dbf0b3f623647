/* Snowball stemmers for the site search: Indonesian and English (Porter2).
 *
 * A JavaScript port of the code that Snowball 3.1.1 generates for Python
 * (the PyPI package snowballstemmer==3.1.1, BSD-3-Clause, which stems the
 * site's text at build time). The build stems the pages and the browser stems
 * the query, so both must give identical stems: tests/test_search_stemmer.py
 * compares them over every distinct word of the built site in Chromium.
 * Do not "improve" a routine here without changing the Python side too;
 * protected words (over-stemming) are handled outside, in search-worker.js,
 * from data/search/*.yml.
 *
 * Works in a page, a worker and the kiosk's iframe worker: it only defines
 * self.pxStemmers = { id: word => stem, en: word => stem }.
 */
(function (root) {
  "use strict";

  /* The runtime of snowballstemmer/basestemmer.py, method for method. */
  class Base {
    set_current(value) {
      this.current = value;
      this.cursor = 0;
      this.limit = value.length;
      this.limit_backward = 0;
      this.bra = this.cursor;
      this.ket = this.limit;
    }
    in_grouping(s) {
      if (this.cursor >= this.limit) return false;
      if (!s.includes(this.current[this.cursor])) return false;
      this.cursor += 1;
      return true;
    }
    go_in_grouping(s) {
      while (this.cursor < this.limit) {
        if (!s.includes(this.current[this.cursor])) return true;
        this.cursor += 1;
      }
      return false;
    }
    in_grouping_b(s) {
      if (this.cursor <= this.limit_backward) return false;
      if (!s.includes(this.current[this.cursor - 1])) return false;
      this.cursor -= 1;
      return true;
    }
    go_in_grouping_b(s) {
      while (this.cursor > this.limit_backward) {
        if (!s.includes(this.current[this.cursor - 1])) return true;
        this.cursor -= 1;
      }
      return false;
    }
    out_grouping(s) {
      if (this.cursor >= this.limit) return false;
      if (!s.includes(this.current[this.cursor])) {
        this.cursor += 1;
        return true;
      }
      return false;
    }
    go_out_grouping(s) {
      while (this.cursor < this.limit) {
        if (s.includes(this.current[this.cursor])) return true;
        this.cursor += 1;
      }
      return false;
    }
    out_grouping_b(s) {
      if (this.cursor <= this.limit_backward) return false;
      if (!s.includes(this.current[this.cursor - 1])) {
        this.cursor -= 1;
        return true;
      }
      return false;
    }
    go_out_grouping_b(s) {
      while (this.cursor > this.limit_backward) {
        if (s.includes(this.current[this.cursor - 1])) return true;
        this.cursor -= 1;
      }
      return false;
    }
    eq_s(s) {
      if (this.limit - this.cursor < s.length) return false;
      if (this.current.slice(this.cursor, this.cursor + s.length) !== s) return false;
      this.cursor += s.length;
      return true;
    }
    eq_s_b(s) {
      if (this.cursor - this.limit_backward < s.length) return false;
      if (this.current.slice(this.cursor - s.length, this.cursor) !== s) return false;
      this.cursor -= s.length;
      return true;
    }
    /* Among entries are [string, substring_i, result]; Python compares code
       points with ord(), so the strings are walked as arrays of code points. */
    find_among(v) {
      let i = 0, j = v.length;
      const c = this.cursor, l = this.limit;
      let common_i = 0, common_j = 0, first_key_inspected = false;
      for (;;) {
        const k = i + ((j - i) >> 1);
        let diff = 0;
        let common = Math.min(common_i, common_j);
        const w = v[k];
        for (let i2 = common; i2 < w[0].length; i2++) {
          if (c + common === l) { diff = -1; break; }
          diff = this.current.charCodeAt(c + common) - w[0].charCodeAt(i2);
          if (diff !== 0) break;
          common += 1;
        }
        if (diff < 0) { j = k; common_j = common; } else { i = k; common_i = common; }
        if (j - i <= 1) {
          if (i > 0) break;
          if (j === i) break;
          if (first_key_inspected) break;
          first_key_inspected = true;
        }
      }
      for (;;) {
        const w = v[i];
        if (common_i >= w[0].length) {
          this.cursor = c + w[0].length;
          return w[2];
        }
        i = w[1];
        if (i < 0) return 0;
      }
    }
    find_among_b(v) {
      let i = 0, j = v.length;
      const c = this.cursor, lb = this.limit_backward;
      let common_i = 0, common_j = 0, first_key_inspected = false;
      for (;;) {
        const k = i + ((j - i) >> 1);
        let diff = 0;
        let common = Math.min(common_i, common_j);
        const w = v[k];
        for (let i2 = w[0].length - 1 - common; i2 >= 0; i2--) {
          if (c - common === lb) { diff = -1; break; }
          diff = this.current.charCodeAt(c - 1 - common) - w[0].charCodeAt(i2);
          if (diff !== 0) break;
          common += 1;
        }
        if (diff < 0) { j = k; common_j = common; } else { i = k; common_i = common; }
        if (j - i <= 1) {
          if (i > 0) break;
          if (j === i) break;
          if (first_key_inspected) break;
          first_key_inspected = true;
        }
      }
      for (;;) {
        const w = v[i];
        if (common_i >= w[0].length) {
          this.cursor = c - w[0].length;
          return w[2];
        }
        i = w[1];
        if (i < 0) return 0;
      }
    }
    replace_s(c_bra, c_ket, s) {
      const adjustment = s.length - (c_ket - c_bra);
      this.current = this.current.slice(0, c_bra) + s + this.current.slice(c_ket);
      this.limit += adjustment;
      if (this.cursor >= c_ket) this.cursor += adjustment;
      else if (this.cursor > c_bra) this.cursor = c_bra;
      return adjustment;
    }
    slice_from(s) {
      this.replace_s(this.bra, this.ket, s);
      this.ket = this.bra + s.length;
    }
    slice_del() {
      this.slice_from("");
    }
    stemWord(word) {
      this.set_current(word);
      this._stem();
      return this.current;
    }
  }

  /* Generated from indonesian.sbl: IndonesianStemmer in snowballstemmer 3.1.1. */
  class Indonesian extends Base {
      g_vowel = ["a", "e", "i", "o", "u"];
      I_prefix = 0;
      I_measure = 0;
      r_remove_particle() {
          this.ket = this.cursor;
          if (this.find_among_b(this.a_0) === 0) {
              return false;
          }
          this.bra = this.cursor;
          this.slice_del();
          this.I_measure -= 1;
          return true;
      }
      r_remove_possessive_pronoun() {
          this.ket = this.cursor;
          if (this.find_among_b(this.a_1) === 0) {
              return false;
          }
          this.bra = this.cursor;
          this.slice_del();
          this.I_measure -= 1;
          return true;
      }
      r_remove_suffix() {
          let among_var, v_1;
          this.ket = this.cursor;
          among_var = this.find_among_b(this.a_2);
          if (among_var === 0) {
              return false;
          }
          this.bra = this.cursor;
          if (among_var === 1) {
              while (true) {
                  v_1 = this.limit - this.cursor;
                  lab0: {
                      if (this.I_prefix === 3) {
                          break lab0;
                      }
                      if (this.I_prefix === 2) {
                          break lab0;
                      }
                      if (this.cursor <= this.limit_backward || this.current[this.cursor - 1] !== "k") {
                          break lab0;
                      }
                      this.cursor -= 1;
                      this.bra = this.cursor;
                      break;
                  }
                  this.cursor = this.limit - v_1;
                  if (this.I_prefix === 1) {
                      return false;
                  }
                  break;
              }
          } else {
              if (this.I_prefix > 2) {
                  return false;
              }
              lab0: {
                  if (this.cursor <= this.limit_backward || this.current[this.cursor - 1] !== "s") {
                      break lab0;
                  }
                  this.cursor -= 1;
                  return false;
              }
          }
          this.slice_del();
          this.I_measure -= 1;
          return true;
      }
      r_remove_first_order_prefix() {
          let among_var, v_1, v_2, v_3, v_4, v_5, v_6, v_7, v_8;
          this.bra = this.cursor;
          among_var = this.find_among(this.a_3);
          if (among_var === 0) {
              return false;
          }
          this.ket = this.cursor;
          if (among_var === 1) {
              this.slice_del();
              this.I_prefix = 1;
              this.I_measure -= 1;
          } else if (among_var === 2) {
              while (true) {
                  v_1 = this.cursor;
                  lab0: {
                      if (this.cursor === this.limit || this.current[this.cursor] !== "y") {
                          break lab0;
                      }
                      this.cursor += 1;
                      v_2 = this.cursor;
                      if (!this.in_grouping(this.g_vowel)) {
                          break lab0;
                      }
                      this.cursor = v_2;
                      this.ket = this.cursor;
                      this.slice_from("s");
                      this.I_prefix = 1;
                      this.I_measure -= 1;
                      break;
                  }
                  this.cursor = v_1;
                  this.slice_del();
                  this.I_prefix = 1;
                  this.I_measure -= 1;
                  break;
              }
          } else if (among_var === 3) {
              this.slice_del();
              this.I_prefix = 3;
              this.I_measure -= 1;
          } else if (among_var === 4) {
              while (true) {
                  v_3 = this.cursor;
                  lab0: {
                      if (this.cursor === this.limit || this.current[this.cursor] !== "y") {
                          break lab0;
                      }
                      this.cursor += 1;
                      v_4 = this.cursor;
                      if (!this.in_grouping(this.g_vowel)) {
                          break lab0;
                      }
                      this.cursor = v_4;
                      this.ket = this.cursor;
                      this.slice_from("s");
                      this.I_prefix = 3;
                      this.I_measure -= 1;
                      break;
                  }
                  this.cursor = v_3;
                  this.slice_del();
                  this.I_prefix = 3;
                  this.I_measure -= 1;
                  break;
              }
          } else if (among_var === 5) {
              this.I_prefix = 1;
              this.I_measure -= 1;
              while (true) {
                  v_5 = this.cursor;
                  lab0: {
                      v_6 = this.cursor;
                      if (!this.in_grouping(this.g_vowel)) {
                          break lab0;
                      }
                      this.cursor = v_6;
                      this.slice_from("p");
                      break;
                  }
                  this.cursor = v_5;
                  this.slice_del();
                  break;
              }
          } else {
              this.I_prefix = 3;
              this.I_measure -= 1;
              while (true) {
                  v_7 = this.cursor;
                  lab0: {
                      v_8 = this.cursor;
                      if (!this.in_grouping(this.g_vowel)) {
                          break lab0;
                      }
                      this.cursor = v_8;
                      this.slice_from("p");
                      break;
                  }
                  this.cursor = v_7;
                  this.slice_del();
                  break;
              }
          }
          return true;
      }
      r_remove_second_order_prefix() {
          let among_var, v_1, v_2;
          this.bra = this.cursor;
          among_var = this.find_among(this.a_4);
          if (among_var === 0) {
              return false;
          }
          if (among_var === 1) {
              while (true) {
                  v_1 = this.cursor;
                  lab0: {
                      if (this.cursor === this.limit || this.current[this.cursor] !== "r") {
                          break lab0;
                      }
                      this.cursor += 1;
                      this.ket = this.cursor;
                      this.I_prefix = 2;
                      break;
                  }
                  this.cursor = v_1;
                  lab0: {
                      if (this.cursor === this.limit || this.current[this.cursor] !== "l") {
                          break lab0;
                      }
                      this.cursor += 1;
                      this.ket = this.cursor;
                      if (!this.eq_s("ajar")) {
                          break lab0;
                      }
                      break;
                  }
                  this.cursor = v_1;
                  this.ket = this.cursor;
                  this.I_prefix = 2;
                  break;
              }
          } else {
              while (true) {
                  v_2 = this.cursor;
                  lab0: {
                      if (this.cursor === this.limit || this.current[this.cursor] !== "r") {
                          break lab0;
                      }
                      this.cursor += 1;
                      this.ket = this.cursor;
                      break;
                  }
                  this.cursor = v_2;
                  lab0: {
                      if (this.cursor === this.limit || this.current[this.cursor] !== "l") {
                          break lab0;
                      }
                      this.cursor += 1;
                      this.ket = this.cursor;
                      if (!this.eq_s("ajar")) {
                          break lab0;
                      }
                      break;
                  }
                  this.cursor = v_2;
                  this.ket = this.cursor;
                  if (!this.out_grouping(this.g_vowel)) {
                      return false;
                  }
                  if (!this.eq_s("er")) {
                      return false;
                  }
                  break;
              }
              this.I_prefix = 4;
          }
          this.I_measure -= 1;
          this.slice_del();
          return true;
      }
      _stem() {
          let v_1, v_2, v_3, v_4, v_5, v_6, v_7, v_8, v_9, v_10;
          this.I_measure = 0;
          v_1 = this.cursor;
          lab0: {
              while (true) {
                  v_2 = this.cursor;
                  lab1: {
                      if (!this.go_out_grouping(this.g_vowel)) {
                          break lab1;
                      }
                      this.cursor += 1;
                      this.I_measure += 1;
                      continue;
                  }
                  this.cursor = v_2;
                  break;
              }
          }
          this.cursor = v_1;
          if (this.I_measure <= 2) {
              return false;
          }
          this.I_prefix = 0;
          this.limit_backward = this.cursor;
          this.cursor = this.limit;
          v_3 = this.limit - this.cursor;
          this.r_remove_particle();
          this.cursor = this.limit - v_3;
          if (this.I_measure <= 2) {
              return false;
          }
          v_4 = this.limit - this.cursor;
          this.r_remove_possessive_pronoun();
          this.cursor = this.limit - v_4;
          this.cursor = this.limit_backward;
          if (this.I_measure <= 2) {
              return false;
          }
          while (true) {
              v_5 = this.cursor;
              lab0: {
                  v_6 = this.cursor;
                  if (!this.r_remove_first_order_prefix()) {
                      break lab0;
                  }
                  v_7 = this.cursor;
                  lab1: {
                      v_8 = this.cursor;
                      if (this.I_measure <= 2) {
                          break lab1;
                      }
                      this.limit_backward = this.cursor;
                      this.cursor = this.limit;
                      if (!this.r_remove_suffix()) {
                          break lab1;
                      }
                      this.cursor = this.limit_backward;
                      this.cursor = v_8;
                      if (this.I_measure <= 2) {
                          break lab1;
                      }
                      if (!this.r_remove_second_order_prefix()) {
                          break lab1;
                      }
                  }
                  this.cursor = v_7;
                  this.cursor = v_6;
                  break;
              }
              this.cursor = v_5;
              v_9 = this.cursor;
              this.r_remove_second_order_prefix();
              this.cursor = v_9;
              v_10 = this.cursor;
              lab0: {
                  if (this.I_measure <= 2) {
                      break lab0;
                  }
                  this.limit_backward = this.cursor;
                  this.cursor = this.limit;
                  if (!this.r_remove_suffix()) {
                      break lab0;
                  }
                  this.cursor = this.limit_backward;
              }
              this.cursor = v_10;
              break;
          }
          return true;
      }
      a_0 = [
          ["kah", -1, 1],
          ["lah", -1, 1],
          ["pun", -1, 1]
      ];
      a_1 = [
          ["nya", -1, 1],
          ["ku", -1, 1],
          ["mu", -1, 1]
      ];
      a_2 = [
          ["i", -1, 2],
          ["an", -1, 1]
      ];
      a_3 = [
          ["di", -1, 1],
          ["ke", -1, 3],
          ["me", -1, 1],
          ["mem", 2, 5],
          ["men", 2, 2],
          ["meng", 4, 1],
          ["pem", -1, 6],
          ["pen", -1, 4],
          ["peng", 7, 3],
          ["ter", -1, 1]
      ];
      a_4 = [
          ["be", -1, 2],
          ["pe", -1, 1]
      ];

  }

  /* Generated from english.sbl: EnglishStemmer in snowballstemmer 3.1.1. */
  class English extends Base {
      g_aeo = "aeo";
      g_v = ["a", "e", "i", "o", "u", "y"];
      g_v_WXY = ["Y", "a", "e", "i", "o", "u", "w", "x", "y"];
      g_valid_LI = ["c", "d", "e", "g", "h", "k", "m", "n", "r", "t"];
      B_Y_found = false;
      I_p2 = 0;
      I_p1 = 0;
      r_prelude() {
          let v_1, v_2, v_3, v_4, v_5;
          this.B_Y_found = false;
          v_1 = this.cursor;
          lab0: {
              this.bra = this.cursor;
              if (this.cursor === this.limit || this.current[this.cursor] !== "'") {
                  break lab0;
              }
              this.cursor += 1;
              this.ket = this.cursor;
              this.slice_del();
          }
          this.cursor = v_1;
          v_2 = this.cursor;
          lab0: {
              this.bra = this.cursor;
              if (this.cursor === this.limit || this.current[this.cursor] !== "y") {
                  break lab0;
              }
              this.cursor += 1;
              this.ket = this.cursor;
              this.slice_from("Y");
              this.B_Y_found = true;
          }
          this.cursor = v_2;
          v_3 = this.cursor;
          lab0: {
              while (true) {
                  v_4 = this.cursor;
                  lab1: {
                      while (true) {
                          v_5 = this.cursor;
                          lab2: {
                              if (!this.in_grouping(this.g_v)) {
                                  break lab2;
                              }
                              this.bra = this.cursor;
                              if (this.cursor === this.limit || this.current[this.cursor] !== "y") {
                                  break lab2;
                              }
                              this.cursor += 1;
                              this.ket = this.cursor;
                              this.cursor = v_5;
                              break;
                          }
                          this.cursor = v_5;
                          if (this.cursor >= this.limit) {
                              break lab1;
                          }
                          this.cursor += 1;
                      }
                      this.slice_from("Y");
                      this.B_Y_found = true;
                      continue;
                  }
                  this.cursor = v_4;
                  break;
              }
          }
          this.cursor = v_3;
          return true;
      }
      r_mark_regions() {
          let v_1, v_2;
          this.I_p1 = this.limit;
          this.I_p2 = this.limit;
          v_1 = this.cursor;
          lab0: {
              while (true) {
                  v_2 = this.cursor;
                  lab1: {
                      if (this.find_among(this.a_0) === 0) {
                          break lab1;
                      }
                      break;
                  }
                  this.cursor = v_2;
                  if (!this.go_out_grouping(this.g_v)) {
                      break lab0;
                  }
                  this.cursor += 1;
                  if (!this.go_in_grouping(this.g_v)) {
                      break lab0;
                  }
                  this.cursor += 1;
                  break;
              }
              this.I_p1 = this.cursor;
              if (!this.go_out_grouping(this.g_v)) {
                  break lab0;
              }
              this.cursor += 1;
              if (!this.go_in_grouping(this.g_v)) {
                  break lab0;
              }
              this.cursor += 1;
              this.I_p2 = this.cursor;
          }
          this.cursor = v_1;
          return true;
      }
      r_shortv() {
          let v_1;
          while (true) {
              v_1 = this.limit - this.cursor;
              lab0: {
                  if (!this.out_grouping_b(this.g_v_WXY)) {
                      break lab0;
                  }
                  if (!this.in_grouping_b(this.g_v)) {
                      break lab0;
                  }
                  if (!this.out_grouping_b(this.g_v)) {
                      break lab0;
                  }
                  break;
              }
              this.cursor = this.limit - v_1;
              lab0: {
                  if (!this.out_grouping_b(this.g_v)) {
                      break lab0;
                  }
                  if (!this.in_grouping_b(this.g_v)) {
                      break lab0;
                  }
                  if (this.cursor > this.limit_backward) {
                      break lab0;
                  }
                  break;
              }
              this.cursor = this.limit - v_1;
              if (!this.eq_s_b("past")) {
                  return false;
              }
              break;
          }
          return true;
      }
      r_R1() {
          return this.I_p1 <= this.cursor;
      }
      r_R2() {
          return this.I_p2 <= this.cursor;
      }
      r_Step_1a() {
          let v_1, among_var, v_2;
          v_1 = this.limit - this.cursor;
          lab0: {
              this.ket = this.cursor;
              if (this.find_among_b(this.a_1) === 0) {
                  this.cursor = this.limit - v_1;
                  break lab0;
              }
              this.bra = this.cursor;
              this.slice_del();
          }
          this.ket = this.cursor;
          among_var = this.find_among_b(this.a_2);
          if (among_var === 0) {
              return false;
          }
          this.bra = this.cursor;
          if (among_var === 1) {
              this.slice_from("ss");
          } else if (among_var === 2) {
              while (true) {
                  v_2 = this.limit - this.cursor;
                  lab0: {
                      if (this.cursor - 2 < this.limit_backward) {
                          break lab0;
                      }
                      this.cursor -= 2;
                      this.slice_from("i");
                      break;
                  }
                  this.cursor = this.limit - v_2;
                  this.slice_from("ie");
                  break;
              }
          } else if (among_var === 3) {
              if (this.cursor <= this.limit_backward) {
                  return false;
              }
              this.cursor -= 1;
              if (!this.go_out_grouping_b(this.g_v)) {
                  return false;
              }
              this.cursor -= 1;
              this.slice_del();
          }
          return true;
      }
      r_Step_1b() {
          let among_var, v_1, v_2, v_3, v_4, v_5, v_6, v_7, v_8;
          this.ket = this.cursor;
          among_var = this.find_among_b(this.a_5);
          this.bra = this.cursor;
          while (true) {
              v_1 = this.limit - this.cursor;
              lab0: {
                  if (among_var === 1) {
                      v_2 = this.limit - this.cursor;
                      lab1: {
                          if (!this.r_R1()) {
                              break lab1;
                          }
                          while (true) {
                              v_3 = this.limit - this.cursor;
                              lab2: {
                                  if (this.find_among_b(this.a_3) === 0) {
                                      break lab2;
                                  }
                                  if (this.cursor > this.limit_backward) {
                                      break lab2;
                                  }
                                  break;
                              }
                              this.cursor = this.limit - v_3;
                              this.slice_from("ee");
                              break;
                          }
                      }
                      this.cursor = this.limit - v_2;
                  } else if (among_var === 2) {
                      break lab0;
                  } else if (among_var === 3) {
                      among_var = this.find_among_b(this.a_4);
                      if (among_var === 0) {
                          break lab0;
                      }
                      if (among_var === 1) {
                          v_4 = this.limit - this.cursor;
                          if (!this.out_grouping_b(this.g_v)) {
                              break lab0;
                          }
                          if (this.cursor > this.limit_backward) {
                              break lab0;
                          }
                          this.cursor = this.limit - v_4;
                          this.bra = this.cursor;
                          this.slice_from("ie");
                      } else {
                          if (this.cursor > this.limit_backward) {
                              break lab0;
                          }
                      }
                  }
                  break;
              }
              this.cursor = this.limit - v_1;
              v_5 = this.limit - this.cursor;
              if (!this.go_out_grouping_b(this.g_v)) {
                  return false;
              }
              this.cursor -= 1;
              this.cursor = this.limit - v_5;
              this.slice_del();
              this.ket = this.cursor;
              this.bra = this.cursor;
              v_6 = this.limit - this.cursor;
              among_var = this.find_among_b(this.a_6);
              if (among_var === 1) {
                  this.slice_from("e");
                  return false;
              } else if (among_var === 2) {
                  v_7 = this.limit - this.cursor;
                  lab0: {
                      if (!this.in_grouping_b(this.g_aeo)) {
                          break lab0;
                      }
                      if (this.cursor > this.limit_backward) {
                          break lab0;
                      }
                      return false;
                  }
                  this.cursor = this.limit - v_7;
              } else {
                  if (this.cursor !== this.I_p1) {
                      return false;
                  }
                  v_8 = this.limit - this.cursor;
                  if (!this.r_shortv()) {
                      return false;
                  }
                  this.cursor = this.limit - v_8;
                  this.slice_from("e");
                  return false;
              }
              this.cursor = this.limit - v_6;
              this.ket = this.cursor;
              if (this.cursor <= this.limit_backward) {
                  return false;
              }
              this.cursor -= 1;
              this.bra = this.cursor;
              this.slice_del();
              break;
          }
          return true;
      }
      r_Step_1c() {
          this.ket = this.cursor;
          while (true) {
              lab0: {
                  if (this.cursor <= this.limit_backward || this.current[this.cursor - 1] !== "y") {
                      break lab0;
                  }
                  this.cursor -= 1;
                  break;
              }
              if (this.cursor <= this.limit_backward || this.current[this.cursor - 1] !== "Y") {
                  return false;
              }
              this.cursor -= 1;
              break;
          }
          this.bra = this.cursor;
          if (!this.out_grouping_b(this.g_v)) {
              return false;
          }
          if (this.cursor <= this.limit_backward) {
              return false;
          }
          this.slice_from("i");
          return true;
      }
      r_Step_2() {
          let among_var;
          this.ket = this.cursor;
          among_var = this.find_among_b(this.a_7);
          if (among_var === 0) {
              return false;
          }
          this.bra = this.cursor;
          if (!this.r_R1()) {
              return false;
          }
          if (among_var === 1) {
              this.slice_from("tion");
          } else if (among_var === 2) {
              this.slice_from("ence");
          } else if (among_var === 3) {
              this.slice_from("ance");
          } else if (among_var === 4) {
              this.slice_from("able");
          } else if (among_var === 5) {
              this.slice_from("ent");
          } else if (among_var === 6) {
              this.slice_from("ize");
          } else if (among_var === 7) {
              this.slice_from("ate");
          } else if (among_var === 8) {
              this.slice_from("al");
          } else if (among_var === 9) {
              this.slice_from("ful");
          } else if (among_var === 10) {
              this.slice_from("ous");
          } else if (among_var === 11) {
              this.slice_from("ive");
          } else if (among_var === 12) {
              this.slice_from("ble");
          } else if (among_var === 13) {
              this.slice_from("og");
          } else if (among_var === 14) {
              if (this.cursor <= this.limit_backward || this.current[this.cursor - 1] !== "l") {
                  return false;
              }
              this.cursor -= 1;
              this.slice_from("og");
          } else if (among_var === 15) {
              this.slice_from("less");
          } else {
              if (!this.in_grouping_b(this.g_valid_LI)) {
                  return false;
              }
              this.slice_del();
          }
          return true;
      }
      r_Step_3() {
          let among_var;
          this.ket = this.cursor;
          among_var = this.find_among_b(this.a_8);
          if (among_var === 0) {
              return false;
          }
          this.bra = this.cursor;
          if (!this.r_R1()) {
              return false;
          }
          if (among_var === 1) {
              this.slice_from("tion");
          } else if (among_var === 2) {
              this.slice_from("ate");
          } else if (among_var === 3) {
              this.slice_from("al");
          } else if (among_var === 4) {
              this.slice_from("ic");
          } else if (among_var === 5) {
              this.slice_del();
          } else {
              if (!this.r_R2()) {
                  return false;
              }
              this.slice_del();
          }
          return true;
      }
      r_Step_4() {
          let among_var;
          this.ket = this.cursor;
          among_var = this.find_among_b(this.a_9);
          if (among_var === 0) {
              return false;
          }
          this.bra = this.cursor;
          if (!this.r_R2()) {
              return false;
          }
          if (among_var === 1) {
              this.slice_del();
          } else {
              while (true) {
                  lab0: {
                      if (this.cursor <= this.limit_backward || this.current[this.cursor - 1] !== "s") {
                          break lab0;
                      }
                      this.cursor -= 1;
                      break;
                  }
                  if (this.cursor <= this.limit_backward || this.current[this.cursor - 1] !== "t") {
                      return false;
                  }
                  this.cursor -= 1;
                  break;
              }
              this.slice_del();
          }
          return true;
      }
      r_Step_5() {
          let among_var, v_1;
          this.ket = this.cursor;
          among_var = this.find_among_b(this.a_10);
          if (among_var === 0) {
              return false;
          }
          this.bra = this.cursor;
          if (among_var === 1) {
              while (true) {
                  lab0: {
                      if (!this.r_R2()) {
                          break lab0;
                      }
                      break;
                  }
                  if (!this.r_R1()) {
                      return false;
                  }
                  v_1 = this.limit - this.cursor;
                  lab0: {
                      if (!this.r_shortv()) {
                          break lab0;
                      }
                      return false;
                  }
                  this.cursor = this.limit - v_1;
                  break;
              }
              this.slice_del();
          } else {
              if (!this.r_R2()) {
                  return false;
              }
              if (this.cursor <= this.limit_backward || this.current[this.cursor - 1] !== "l") {
                  return false;
              }
              this.cursor -= 1;
              this.slice_del();
          }
          return true;
      }
      r_exception1() {
          let among_var;
          this.bra = this.cursor;
          among_var = this.find_among(this.a_11);
          if (among_var === 0) {
              return false;
          }
          this.ket = this.cursor;
          if (this.cursor < this.limit) {
              return false;
          }
          if (among_var > 0) {
              this.slice_from(this.as_11[among_var - 1]);
          }
          return true;
      }
      r_postlude() {
          let v_1, v_2;
          if (!this.B_Y_found) {
              return false;
          }
          while (true) {
              v_1 = this.cursor;
              lab0: {
                  while (true) {
                      v_2 = this.cursor;
                      lab1: {
                          this.bra = this.cursor;
                          if (this.cursor === this.limit || this.current[this.cursor] !== "Y") {
                              break lab1;
                          }
                          this.cursor += 1;
                          this.ket = this.cursor;
                          this.cursor = v_2;
                          break;
                      }
                      this.cursor = v_2;
                      if (this.cursor >= this.limit) {
                          break lab0;
                      }
                      this.cursor += 1;
                  }
                  this.slice_from("y");
                  continue;
              }
              this.cursor = v_1;
              break;
          }
          return true;
      }
      _stem() {
          let v_1, v_2, v_3, v_4, v_5, v_6, v_7, v_8, v_9;
          while (true) {
              v_1 = this.cursor;
              lab0: {
                  if (!this.r_exception1()) {
                      break lab0;
                  }
                  break;
              }
              this.cursor = v_1;
              lab0: {
                  lab1: {
                      if (this.cursor + 3 > this.limit) {
                          break lab1;
                      }
                      this.cursor += 3;
                      break lab0;
                  }
                  break;
              }
              this.cursor = v_1;
              this.r_prelude();
              this.r_mark_regions();
              this.limit_backward = this.cursor;
              this.cursor = this.limit;
              v_2 = this.limit - this.cursor;
              this.r_Step_1a();
              this.cursor = this.limit - v_2;
              v_3 = this.limit - this.cursor;
              this.r_Step_1b();
              this.cursor = this.limit - v_3;
              v_4 = this.limit - this.cursor;
              this.r_Step_1c();
              this.cursor = this.limit - v_4;
              v_5 = this.limit - this.cursor;
              this.r_Step_2();
              this.cursor = this.limit - v_5;
              v_6 = this.limit - this.cursor;
              this.r_Step_3();
              this.cursor = this.limit - v_6;
              v_7 = this.limit - this.cursor;
              this.r_Step_4();
              this.cursor = this.limit - v_7;
              v_8 = this.limit - this.cursor;
              this.r_Step_5();
              this.cursor = this.limit - v_8;
              this.cursor = this.limit_backward;
              v_9 = this.cursor;
              this.r_postlude();
              this.cursor = v_9;
              break;
          }
          return true;
      }
      a_0 = [
          ["arsen", -1, -1],
          ["commun", -1, -1],
          ["emerg", -1, -1],
          ["gener", -1, -1],
          ["inter", -1, -1],
          ["later", -1, -1],
          ["organ", -1, -1],
          ["past", -1, -1],
          ["univers", -1, -1]
      ];
      a_1 = [
          ["'", -1, 1],
          ["'s'", 0, 1],
          ["'s", -1, 1]
      ];
      a_2 = [
          ["ied", -1, 2],
          ["s", -1, 3],
          ["ies", 1, 2],
          ["sses", 1, 1],
          ["ss", 1, -1],
          ["us", 1, -1]
      ];
      a_3 = [
          ["succ", -1, 1],
          ["proc", -1, 1],
          ["exc", -1, 1]
      ];
      a_4 = [
          ["even", -1, 2],
          ["cann", -1, 2],
          ["inn", -1, 2],
          ["earr", -1, 2],
          ["herr", -1, 2],
          ["out", -1, 2],
          ["y", -1, 1]
      ];
      a_5 = [
          ["", -1, -1],
          ["ed", 0, 2],
          ["eed", 1, 1],
          ["ing", 0, 3],
          ["edly", 0, 2],
          ["eedly", 4, 1],
          ["ingly", 0, 2]
      ];
      a_6 = [
          ["", -1, 3],
          ["bb", 0, 2],
          ["dd", 0, 2],
          ["ff", 0, 2],
          ["gg", 0, 2],
          ["bl", 0, 1],
          ["mm", 0, 2],
          ["nn", 0, 2],
          ["pp", 0, 2],
          ["rr", 0, 2],
          ["at", 0, 1],
          ["tt", 0, 2],
          ["iz", 0, 1]
      ];
      a_7 = [
          ["anci", -1, 3],
          ["enci", -1, 2],
          ["ogi", -1, 14],
          ["li", -1, 16],
          ["bli", 3, 12],
          ["abli", 4, 4],
          ["alli", 3, 8],
          ["fulli", 3, 9],
          ["lessli", 3, 15],
          ["ousli", 3, 10],
          ["entli", 3, 5],
          ["aliti", -1, 8],
          ["biliti", -1, 12],
          ["iviti", -1, 11],
          ["tional", -1, 1],
          ["ational", 14, 7],
          ["alism", -1, 8],
          ["ation", -1, 7],
          ["ization", 17, 6],
          ["izer", -1, 6],
          ["ator", -1, 7],
          ["iveness", -1, 11],
          ["fulness", -1, 9],
          ["ousness", -1, 10],
          ["ogist", -1, 13]
      ];
      a_8 = [
          ["icate", -1, 4],
          ["ative", -1, 6],
          ["alize", -1, 3],
          ["iciti", -1, 4],
          ["ical", -1, 4],
          ["tional", -1, 1],
          ["ational", 5, 2],
          ["ful", -1, 5],
          ["ness", -1, 5]
      ];
      a_9 = [
          ["ic", -1, 1],
          ["ance", -1, 1],
          ["ence", -1, 1],
          ["able", -1, 1],
          ["ible", -1, 1],
          ["ate", -1, 1],
          ["ive", -1, 1],
          ["ize", -1, 1],
          ["iti", -1, 1],
          ["al", -1, 1],
          ["ism", -1, 1],
          ["ion", -1, 2],
          ["er", -1, 1],
          ["ous", -1, 1],
          ["ant", -1, 1],
          ["ent", -1, 1],
          ["ment", 15, 1],
          ["ement", 16, 1]
      ];
      a_10 = [
          ["e", -1, 1],
          ["l", -1, 2]
      ];
      a_11 = [
          ["andes", -1, -1],
          ["atlas", -1, -1],
          ["bias", -1, -1],
          ["cosmos", -1, -1],
          ["early", -1, 6],
          ["gently", -1, 4],
          ["howe", -1, -1],
          ["idly", -1, 3],
          ["news", -1, -1],
          ["only", -1, 7],
          ["singly", -1, 8],
          ["skies", -1, 2],
          ["skis", -1, 1],
          ["sky", -1, -1],
          ["ugly", -1, 5]
      ];
      as_11 = ["ski", "sky", "idl", "gentl", "ugli", "earli", "onli", "singl"];

  }

  const id = new Indonesian();
  const en = new English();
  root.pxStemmers = {
    id: (word) => id.stemWord(word),
    en: (word) => en.stemWord(word),
  };
})(typeof self !== "undefined" ? self : this);
