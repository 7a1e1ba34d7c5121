package dev.abusedesk.desk;

import dev.abusedesk.cases.CustomerAnswer;
import dev.abusedesk.cases.CustomerState;
import dev.abusedesk.config.Language;
import dev.abusedesk.config.Phrase;

/**
 * The words of the customer's response page, and the dashboard's words for customers' notices and
 * answers: apart from {@link Words}, since a customer reads them, not the team.
 */
enum CustomerWords {
  TITLE("Abuse report about your AWS account", "お客様のAWSアカウントに関する不正利用の通報"),
  INTRO(
      "AWS has reported the activity below on your account. Please tell us what happened before"
          + " your deadline, so that we can answer AWS in time.",
      "お客様のアカウントについて、AWSから以下の通報がありました。AWSへ期限内に回答できるよう、回答期限までに状況をお知らせください。"),
  WHAT("What AWS reported", "AWSからの通報内容"),
  ACCOUNT("Your account", "お客様のアカウント"),
  RESOURCES("Resources", "リソース"),
  IPS("IP addresses", "IPアドレス"),
  COMPLAINT("From the complaint (links disabled)", "苦情の抜粋（リンクは無効化しています）"),
  DEADLINE("Please answer by", "回答期限"),
  TIME_LEFT("Time left", "残り時間"),
  OVERDUE("overdue", "期限切れ"),
  YOUR_ANSWER("Your answer", "ご回答"),
  VERDICT("Was this activity yours?", "この通信・操作はお客様によるものですか？"),
  OURS("Yes, it was us", "はい、当社によるものです"),
  NOT_OURS("No, it was not us", "いいえ、当社によるものではありません"),
  NEED_TIME("We need more time to find out", "調査に時間が必要です"),
  BECAUSE("Why you need more time", "時間が必要な理由"),
  STOPPED("What you stopped or removed", "停止・削除したもの"),
  CHANGED("What you changed so that it does not happen again", "再発防止のために変更したこと"),
  NAME("Your name", "お名前"),
  SEND("Send the answer", "回答を送信"),
  THANKS(
      "Thank you: your answer has reached the team. They will reply to AWS and may contact you.",
      "ご回答ありがとうございます。担当チームに届きました。チームがAWSへ回答し、必要に応じてご連絡します。"),
  ALREADY(
      "An answer was given already; the first answer counts. This is what was answered:",
      "すでに回答済みです（最初の回答が有効です）。回答内容は以下のとおりです："),
  ANSWERED_AT("Answered", "回答日時"),
  ANSWERED_BY("By", "回答者"),
  INVALID(
      "This link is not valid or no longer works. Please ask your provider for a new link.",
      "このリンクは無効か、使用できなくなっています。担当の事業者に新しいリンクをご依頼ください。"),
  EXPIRED(
      "This link has expired. Please ask your provider for a new link.",
      "このリンクは有効期限が切れています。担当の事業者に新しいリンクをご依頼ください。"),
  TOO_MANY(
      "Too many attempts: please wait a little and try again.", "試行回数が多すぎます。しばらく待ってから再度お試しください。"),
  STALE(
      "The form had expired: please check your answer and send it again.",
      "フォームの有効期限が切れていました。内容をご確認のうえ、もう一度送信してください。"),
  PICK_VERDICT("Please choose one of the answers.", "いずれかの回答を選んでください。"),
  NEED_REASON("Please say why you need more time.", "時間が必要な理由をご記入ください。"),
  TOO_LONG(
      "A field is too long: at most 4000 characters (the name 200, on one line).",
      "入力が長すぎます（各欄4000文字まで、お名前は1行200文字まで）。"),
  CONTROL("A field holds characters that cannot be kept.", "保存できない文字が含まれています。"),
  // The dashboard's words for the same.
  SAID_OURS("it was us", "自社によるもの"),
  SAID_NOT_OURS("it was not us", "自社によるものではない"),
  SAID_NEED_TIME("needs more time", "調査に時間が必要"),
  SECTION("Customer", "顧客"),
  CONTACT("Contact", "連絡先"),
  LANGUAGE("Language", "言語"),
  STATE("State", "状況"),
  THEIR_DEADLINE("Their deadline", "顧客の回答期限"),
  NO_NOTICES("No customer contact was told about this case.", "このケースについて顧客へ通知していません。"),
  NOT_TOLD_OFF(
      "Customers are not told about cases: the configuration has no customers.notify_when.",
      "顧客への通知は設定されていません（customers.notify_when がありません）。"),
  NOT_TOLD_NO_MATCH(
      "No account of this case has contacts that customers.notify_when names.",
      "このケースのアカウントには、customers.notify_when に該当する連絡先がありません。"),
  NOT_TOLD_UNVERIFIED(
      "The customer is not told yet: no report of this case is verified as AWS's own (a forward,"
          + " or mail nobody could check). Customers hear only what AWS is known to have said; they"
          + " are told when AWS's own mail or a Health event about the case arrives.",
      "まだ顧客へ通知していません。このケースには、AWS本人からと確認できた通報がありません（転送や、検証できなかったメールのみ）。"
          + "顧客にはAWSからと確認できた内容だけを伝えるため、AWS本人のメールまたはHealthイベントが届いた時点で通知します。"),
  REVOKE("Revoke the link", "リンクを無効化"),
  RESEND("Send a new link", "新しいリンクを送信"),
  REVOKED("link revoked", "リンク無効化済み"),
  ANSWERS("Customers' answers", "顧客の回答"),
  NO_RESEND("No new link was sent: the notice could not be sent again.", "新しいリンクを送信できませんでした。"),
  STATE_NOT_NOTIFIED("not notified", "未通知"),
  STATE_NOTIFIED("notified", "通知済み"),
  STATE_ANSWERED("answered", "回答あり"),
  STATE_LATE("late", "期限切れ"),
  RESPONSE_TIME("Customer response time (hours) against their deadline", "顧客の回答までの時間（時間）と顧客の回答期限");

  private final Phrase phrase;

  CustomerWords(String en, String ja) {
    this.phrase = new Phrase(en, ja);
  }

  String in(Language language) {
    return phrase.in(language);
  }

  static CustomerWords of(CustomerState state) {
    return switch (state) {
      case NOT_NOTIFIED -> STATE_NOT_NOTIFIED;
      case NOTIFIED -> STATE_NOTIFIED;
      case ANSWERED -> STATE_ANSWERED;
      case LATE -> STATE_LATE;
    };
  }

  /** The verdict as the team reads it, in the timeline: "Customer answered: it was us". */
  static CustomerWords said(CustomerAnswer.Verdict verdict) {
    return switch (verdict) {
      case OURS -> SAID_OURS;
      case NOT_OURS -> SAID_NOT_OURS;
      case NEED_TIME -> SAID_NEED_TIME;
    };
  }

  static CustomerWords of(CustomerAnswer.Verdict verdict) {
    return switch (verdict) {
      case OURS -> OURS;
      case NOT_OURS -> NOT_OURS;
      case NEED_TIME -> NEED_TIME;
    };
  }
}
