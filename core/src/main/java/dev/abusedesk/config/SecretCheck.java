package dev.abusedesk.config;

/**
 * When an {@code {env: NAME}} or {@code {file: PATH}} secret that cannot be read stops a
 * configuration from loading.
 */
public enum SecretCheck {
  /**
   * Every secret must be readable when the file is loaded: for what sends and listens ({@code
   * serve}, {@code deliver}, {@code check-config}, Lambda), which should not start half-able.
   */
  AT_LOAD,
  /**
   * A secret that cannot be read fails only the code that reveals it: listing cases needs no
   * webhook URL.
   */
  WHEN_USED
}
