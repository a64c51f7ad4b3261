package org.sfu4j.srtp;

import java.security.AlgorithmParameters;
import java.security.InvalidAlgorithmParameterException;
import java.security.InvalidKeyException;
import java.security.Key;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.security.Security;
import java.security.spec.AlgorithmParameterSpec;
import javax.crypto.BadPaddingException;
import javax.crypto.Cipher;
import javax.crypto.CipherSpi;
import javax.crypto.IllegalBlockSizeException;
import javax.crypto.NoSuchPaddingException;
import javax.crypto.ShortBufferException;
import org.jitsi.srtp.crypto.CipherFactory;

/**
 * jitsi-srtp cipher factory: SunJCE AES (AES-NI intrinsics) without the per-packet garbage.
 *
 * <p>jitsi transforms packets in place ({@code doFinal(buf, off, len, buf, off)}); SunJCE's CTR
 * then copies the whole input into a fresh array first to survive the overlap — 1,208 B of
 * garbage per 1,200-byte packet (measured on JDK 17; 0 B with a separate output). Here the CTR
 * cipher writes into a reusable per-cipher scratch array and copies back: the same bytes moved,
 * no allocation. GCM is left to SunJCE as is: on JDK 17 its encryption allocates ~1.1 KB per
 * packet whether in place or not (measured), so a scratch copy would only add work. That garbage
 * and ~290 ns per packet are SunJCE rebuilding its GCM engine for each new IV; the AES key is not
 * re-expanded (AESCrypt keeps it while the key bytes are equal). Other
 * transformations (the ECB of the key derivation) are SunJCE's own.
 *
 * <p>Internal: installed into jitsi's cipher cache by {@link JitsiSrtpSupport}; public with a
 * no-arg constructor so jitsi could also instantiate it by class name.
 */
public final class InPlaceSunJceCipherFactory extends CipherFactory {
  public InPlaceSunJceCipherFactory() {
    super(Security.getProvider("SunJCE"));
  }

  @Override
  public Cipher createCipher(String transformation) throws Exception {
    Cipher sunJce = Cipher.getInstance(transformation, provider);
    if (transformation.startsWith("AES/CTR/")) {
      return new InPlaceCipher(new ScratchSpi(sunJce), sunJce, transformation);
    }
    return sunJce;
  }

  /** A Cipher over {@link ScratchSpi}; the protected constructor skips provider lookup. */
  private static final class InPlaceCipher extends Cipher {
    InPlaceCipher(ScratchSpi spi, Cipher delegate, String transformation) {
      super(spi, delegate.getProvider(), transformation);
    }
  }

  /** Delegates to a SunJCE cipher, routing overlapping in-place output through scratch. */
  private static final class ScratchSpi extends CipherSpi {
    private final Cipher delegate;
    private byte[] scratch = new byte[1536];

    ScratchSpi(Cipher delegate) {
      this.delegate = delegate;
    }

    private byte[] scratch(int size) {
      if (scratch.length < size) {
        scratch = new byte[Math.max(size, scratch.length * 2)];
      }
      return scratch;
    }

    @Override
    protected void engineSetMode(String mode) throws NoSuchAlgorithmException {
      throw new NoSuchAlgorithmException("fixed transformation");
    }

    @Override
    protected void engineSetPadding(String padding) throws NoSuchPaddingException {
      throw new NoSuchPaddingException("fixed transformation");
    }

    @Override
    protected int engineGetBlockSize() {
      return delegate.getBlockSize();
    }

    @Override
    protected int engineGetOutputSize(int inputLen) {
      return delegate.getOutputSize(inputLen);
    }

    @Override
    protected byte[] engineGetIV() {
      return delegate.getIV();
    }

    @Override
    protected AlgorithmParameters engineGetParameters() {
      return delegate.getParameters();
    }

    @Override
    protected void engineInit(int opmode, Key key, SecureRandom random)
        throws InvalidKeyException {
      delegate.init(opmode, key, random);
    }

    @Override
    protected void engineInit(int opmode, Key key, AlgorithmParameterSpec params,
        SecureRandom random) throws InvalidKeyException, InvalidAlgorithmParameterException {
      delegate.init(opmode, key, params, random);
    }

    @Override
    protected void engineInit(int opmode, Key key, AlgorithmParameters params,
        SecureRandom random) throws InvalidKeyException, InvalidAlgorithmParameterException {
      delegate.init(opmode, key, params, random);
    }

    @Override
    protected void engineUpdateAAD(byte[] src, int offset, int len) {
      delegate.updateAAD(src, offset, len);
    }

    @Override
    protected byte[] engineUpdate(byte[] input, int inputOffset, int inputLen) {
      return delegate.update(input, inputOffset, inputLen);
    }

    @Override
    protected int engineUpdate(byte[] input, int inputOffset, int inputLen, byte[] output,
        int outputOffset) throws ShortBufferException {
      if (input != output) {
        return delegate.update(input, inputOffset, inputLen, output, outputOffset);
      }
      byte[] s = scratch(delegate.getOutputSize(inputLen));
      int n = delegate.update(input, inputOffset, inputLen, s, 0);
      System.arraycopy(s, 0, output, outputOffset, n);
      return n;
    }

    @Override
    protected byte[] engineDoFinal(byte[] input, int inputOffset, int inputLen)
        throws IllegalBlockSizeException, BadPaddingException {
      return delegate.doFinal(input, inputOffset, inputLen);
    }

    @Override
    protected int engineDoFinal(byte[] input, int inputOffset, int inputLen, byte[] output,
        int outputOffset)
        throws ShortBufferException, IllegalBlockSizeException, BadPaddingException {
      if (input != output) {
        return delegate.doFinal(input, inputOffset, inputLen, output, outputOffset);
      }
      byte[] s = scratch(delegate.getOutputSize(inputLen));
      int n = delegate.doFinal(input, inputOffset, inputLen, s, 0);
      System.arraycopy(s, 0, output, outputOffset, n);
      return n;
    }
  }
}
