// The hand-written baseline: the same MLP trained with simple loops over Float64Arrays, no autograd
// and no allocation per step. Two classes (W1, W2): tanh everywhere, mean squared error; more
// classes (W3): tanh hidden layers, linear logits, mean softmax cross-entropy. Plain SGD, full
// batch. It offers the functions the TeaVM builds export (see scratchnet.bench.BenchMain), so
// bench.js times both the same way. The downhill map at the end: the same cells and samples as
// PairGrid and GradientLine, in the same slices, by forward passes over Float64Arrays.
"use strict";

function createBaseline() {
  const workloads = {};
  let net = null;
  let lastAccuracy = 0;
  let heat = null;
  let down = null;

  // A network holding a workload's initial weights: W[l] is out×in row-major, B[l] is out.
  // ce: K logits and softmax cross-entropy, Y holds class indices; otherwise Y holds ±1.
  function makeNet(w) {
    const sizes = w.sizes, n = w.n, L = sizes.length - 1, ce = (w.classes || 2) > 2;
    const net = { sizes, n, ce, lr: w.lr, W: [], B: [], gW: [], gB: [], A: [], D: [] };
    net.X = new Float64Array(n * 2);
    net.Y = ce ? new Int32Array(n) : new Float64Array(n);
    for (let r = 0; r < n; r++) {
      net.X[2 * r] = w.X[r][0];
      net.X[2 * r + 1] = w.X[r][1];
      net.Y[r] = w.y[r];
    }
    net.A.push(net.X);
    for (let l = 0; l < L; l++) {
      const nin = sizes[l], nout = sizes[l + 1];
      const W = new Float64Array(nout * nin), B = new Float64Array(nout);
      for (let o = 0; o < nout; o++) {
        for (let i = 0; i < nin; i++) W[o * nin + i] = w.W[l][o][i];
        B[o] = w.B[l][o];
      }
      net.W.push(W);
      net.B.push(B);
      net.gW.push(new Float64Array(nout * nin));
      net.gB.push(new Float64Array(nout));
      net.A.push(new Float64Array(n * nout)); // activations of layer l
      net.D.push(new Float64Array(n * nout)); // d loss / d pre-activation of layer l
    }
    return net;
  }

  function forward(net) {
    const L = net.W.length, n = net.n;
    for (let l = 0; l < L; l++) {
      const nin = net.sizes[l], nout = net.sizes[l + 1];
      const a = net.A[l], out = net.A[l + 1], W = net.W[l], B = net.B[l];
      const linear = net.ce && l === L - 1; // logits
      for (let r = 0; r < n; r++) {
        for (let o = 0; o < nout; o++) {
          let s = B[o];
          for (let i = 0; i < nin; i++) s += W[o * nin + i] * a[r * nin + i];
          out[r * nout + o] = linear ? s : Math.tanh(s);
        }
      }
    }
  }

  // The mean loss of the outputs forward() left; d loss / d pre-activation of the output layer into D.
  function lossAndGradient(net) {
    const L = net.W.length, n = net.n;
    const out = net.A[L], y = net.Y, dOut = net.D[L - 1];
    let loss = 0;
    if (net.ce) {
      // −log softmax(z)[y], stably: log Σ exp(z − max) − (z_y − max); d/dz = (softmax − onehot) / n.
      const K = net.sizes[L];
      for (let r = 0; r < n; r++) {
        const row = r * K;
        let m = out[row];
        for (let k = 1; k < K; k++) if (out[row + k] > m) m = out[row + k];
        let sum = 0;
        for (let k = 0; k < K; k++) {
          const e = Math.exp(out[row + k] - m);
          dOut[row + k] = e;
          sum += e;
        }
        loss += Math.log(sum) - (out[row + y[r]] - m);
        const scale = 1 / (sum * n);
        for (let k = 0; k < K; k++) dOut[row + k] *= scale;
        dOut[row + y[r]] -= 1 / n;
      }
    } else {
      for (let r = 0; r < n; r++) {
        const e = out[r] - y[r];
        loss += e * e;
        dOut[r] = (2 * e / n) * (1 - out[r] * out[r]);
      }
    }
    return loss / n;
  }

  // The fraction classified right: the sign of the output, or the largest of K logits.
  function accuracy(net) {
    const L = net.W.length, out = net.A[L], y = net.Y, K = net.sizes[L];
    let correct = 0;
    for (let r = 0; r < net.n; r++) {
      if (net.ce) {
        let best = 0;
        for (let k = 1; k < K; k++) if (out[r * K + k] > out[r * K + best]) best = k;
        if (best === y[r]) correct++;
      } else if ((out[r] > 0) === (y[r] > 0)) {
        correct++;
      }
    }
    return correct / net.n;
  }

  // Forward and backward: the gradients into gW and gB; returns the loss.
  function gradients(net) {
    forward(net);
    const loss = lossAndGradient(net);
    const L = net.W.length, n = net.n;
    for (let l = L - 1; l >= 0; l--) {
      const nin = net.sizes[l], nout = net.sizes[l + 1];
      const a = net.A[l], d = net.D[l], W = net.W[l], gW = net.gW[l], gB = net.gB[l];
      gW.fill(0);
      gB.fill(0);
      for (let r = 0; r < n; r++) {
        for (let o = 0; o < nout; o++) {
          const g = d[r * nout + o];
          gB[o] += g;
          for (let i = 0; i < nin; i++) gW[o * nin + i] += g * a[r * nin + i];
        }
      }
      if (l > 0) {
        const dPrev = net.D[l - 1];
        for (let r = 0; r < n; r++) {
          for (let i = 0; i < nin; i++) {
            let s = 0;
            for (let o = 0; o < nout; o++) s += d[r * nout + o] * W[o * nin + i];
            const t = a[r * nin + i];
            dPrev[r * nin + i] = s * (1 - t * t);
          }
        }
      }
    }
    return loss;
  }

  // Forward, backward and an SGD update; returns the loss before the update.
  function step(net) {
    const loss = gradients(net);
    const L = net.W.length;
    for (let l = 0; l < L; l++) {
      const W = net.W[l], gW = net.gW[l], B = net.B[l], gB = net.gB[l];
      for (let k = 0; k < W.length; k++) W[k] -= net.lr * gW[k];
      for (let k = 0; k < B.length; k++) B[k] -= net.lr * gB[k];
    }
    return loss;
  }

  // ---- downhill: the mean squared error over a grid of two parameters and along −g ----

  // Every parameter as [array, index], in MLP.parameters() order: layer by layer, neuron by
  // neuron, its weights then its bias.
  function slots(net, W, B) {
    const all = [];
    for (let l = 0; l < W.length; l++) {
      const nin = net.sizes[l];
      for (let o = 0; o < net.sizes[l + 1]; o++) {
        for (let i = 0; i < nin; i++) all.push([W[l], o * nin + i]);
        all.push([B[l], o]);
      }
    }
    return all;
  }

  // The loss at the net's weights as they are now (two classes: tanh output, mean squared error).
  function mse(net) {
    forward(net);
    const out = net.A[net.W.length], y = net.Y;
    let sum = 0;
    for (let r = 0; r < net.n; r++) {
      const d = out[r] - y[r];
      sum += d * d;
    }
    return sum / net.n;
  }

  // As Landscape.of: a copy of the trained weights, the full-batch gradient, the loss; then the
  // grid's radius (PairGrid.radius) and the samples per slice (Sweep: 2 million multiply-adds of
  // Landscape.cost, an activation counted as 4).
  function startDownhill(d) {
    const net = d.net;
    net.W = d.trained.W.map((a) => a.slice());
    net.B = d.trained.B.map((a) => a.slice());
    const p = slots(net, net.W, net.B), g = slots(net, net.gW, net.gB);
    gradients(net);
    const at = new Float64Array(p.length), grad = new Float64Array(p.length);
    for (let k = 0; k < p.length; k++) {
      at[k] = p[k][0][p[k][1]];
      grad[k] = g[k][0][g[k][1]];
    }
    const value = mse(net);
    const { first, second, size } = d;
    const step = net.lr * Math.max(Math.abs(grad[first]), Math.abs(grad[second]));
    const radius = Math.max(Math.max(Math.abs(at[first]), Math.abs(at[second])), 3 * step, 0.5);
    let perPoint = 0;
    for (let l = 0; l < net.W.length; l++) perPoint += net.sizes[l] * net.sizes[l + 1] + 4 * net.sizes[l + 1];
    const cost = net.n * perPoint + p.length;
    Object.assign(d, { p, at, grad, value, radius, cost, gridNext: 0, lineNext: 0,
                       grid: new Float64Array(size * size), line: new Float64Array(3 * 20 + 1) });
  }

  // The next slice of the grid, once it is done of the line; returns whether both are done.
  function advanceDownhill(d) {
    const { net, p, at, grad, size, radius, grid, line } = d;
    const offset = (k) => radius * (2 * k - (size - 1)) / (size - 1);
    const [a0, i0] = p[d.first], [a1, i1] = p[d.second];
    if (d.gridNext < grid.length) {
      const end = Math.min(grid.length, d.gridNext + perSlice(d, grid.length));
      for (let k = d.gridNext; k < end; k++) {
        a0[i0] = at[d.first] + offset(k % size);
        a1[i1] = at[d.second] + offset(Math.floor(k / size));
        grid[k] = mse(net);
      }
      a0[i0] = at[d.first];
      a1[i1] = at[d.second];
      d.gridNext = end;
    } else {
      const end = Math.min(line.length, d.lineNext + perSlice(d, line.length));
      for (let k = d.lineNext; k < end; k++) {
        const s = net.lr * (k / 20);
        for (let q = 0; q < p.length; q++) p[q][0][p[q][1]] = at[q] - s * grad[q];
        line[k] = mse(net);
      }
      for (let q = 0; q < p.length; q++) p[q][0][p[q][1]] = at[q];
      d.lineNext = end;
    }
    return d.gridNext === grid.length && d.lineNext === line.length;
  }

  function perSlice(d, count) {
    return Math.max(1, Math.min(count, Math.floor(2000000 / d.cost)));
  }

  const total = (a) => a.reduce((s, v) => s + v, 0);

  function train(w) {
    const net = makeNet(w);
    for (let s = 0; s < w.steps; s++) step(net);
    return net;
  }

  return {
    benchLoad(name, json) { workloads[name] = JSON.parse(json); },
    benchCheck(name, batched) {
      const net = train(workloads[name]);
      forward(net);
      lastAccuracy = accuracy(net);
      return lossAndGradient(net);
    },
    benchAccuracy() { return lastAccuracy; },
    benchPrepare(name, batched) { net = makeNet(workloads[name]); },
    benchSteps(count) {
      let loss = 0;
      for (let k = 0; k < count; k++) loss = step(net);
      return loss;
    },
    benchHeatmapPrepare(canvasId) {
      const trained = train(workloads.W1), size = 100;
      const canvas = document.getElementById(canvasId);
      canvas.width = size;
      canvas.height = size;
      const context = canvas.getContext("2d");
      const image = context.createImageData(size, size);
      heat = { net: trained, size, context, image, words: new Uint32Array(image.data.buffer),
               scores: new Float64Array(size * size) };
    },
    // The grid of scores over the view (as Snapshot.grid), coloured, put on the canvas.
    benchHeatmap(frames) {
      const { net, size, context, image, words, scores } = heat;
      const [xMin, xMax, yMin, yMax] = [-1.5, 2.5, -1.0, 1.5];
      const dx = (xMax - xMin) / size, dy = (yMax - yMin) / size, L = net.W.length;
      const acts = net.sizes.map((s) => new Float64Array(s));
      let sum = 0;
      for (let f = 0; f < frames; f++) {
        for (let r = 0; r < size; r++) {
          for (let c = 0; c < size; c++) {
            acts[0][0] = xMin + (c + 0.5) * dx;
            acts[0][1] = yMax - (r + 0.5) * dy;
            for (let l = 0; l < L; l++) {
              const nin = net.sizes[l], nout = net.sizes[l + 1], W = net.W[l], B = net.B[l];
              const a = acts[l], out = acts[l + 1];
              for (let o = 0; o < nout; o++) {
                let s = B[o];
                for (let i = 0; i < nin; i++) s += W[o * nin + i] * a[i];
                out[o] = Math.tanh(s);
              }
            }
            scores[r * size + c] = acts[L][0];
          }
        }
        for (let i = 0; i < scores.length; i++) {
          const t = Math.max(-1, Math.min(1, scores[i]));
          let red, green, blue;
          if (t < 0) {
            red = 255 + Math.trunc(t * 10); green = 255 + Math.trunc(t * 108); blue = 255 + Math.trunc(t * 221);
          } else {
            red = 255 - Math.trunc(t * 247); green = 255 - Math.trunc(t * 136); blue = 255 - Math.trunc(t * 66);
          }
          words[i] = 0xff000000 | blue << 16 | green << 8 | red;
        }
        context.putImageData(image, 0, 0);
        sum += scores[0];
      }
      return sum;
    },
    benchDownhillPrepare(first, second, size) {
      const trained = train(workloads.W1);
      down = { trained, net: makeNet(workloads.W1), first, second, size };
    },
    benchDownhillStart() { startDownhill(down); },
    benchDownhillAdvance() { return advanceDownhill(down); },
    benchDownhillSum() { return total(down.grid); },
    benchDownhillCell(row, col) { return down.grid[row * down.size + col]; },
    benchDownhillLineSum() { return total(down.line); },
  };
}
